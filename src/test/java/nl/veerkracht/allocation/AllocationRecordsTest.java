package nl.veerkracht.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllocationRecordsTest {

  @Test
  void nameChangesAndSwapsAreNoExits() {
    assertThat(AllocationRecords.counts(null)).isTrue();
    assertThat(AllocationRecords.counts("Verhuizing naar koopwoning")).isTrue();
    assertThat(AllocationRecords.counts("Naamswijziging")).isFalse();
    assertThat(AllocationRecords.counts("WONINGRUIL")).isFalse();
  }

  @Test
  void incomeClassesMapToLowIncome() {
    assertThat(AllocationRecords.lowIncome("below_limit")).isTrue();
    assertThat(AllocationRecords.lowIncome("middle")).isFalse();
    assertThat(AllocationRecords.lowIncome("unknown")).isNull();
  }
}
