package nl.veerkracht.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllocationRecordsTest {

  @Test
  void nameChangesAndSwapsAreNoExits() {
    assertThat(AllocationRecordRepository.counts(null)).isTrue();
    assertThat(AllocationRecordRepository.counts("Verhuizing naar koopwoning")).isTrue();
    assertThat(AllocationRecordRepository.counts("Naamswijziging")).isFalse();
    assertThat(AllocationRecordRepository.counts("WONINGRUIL")).isFalse();
  }

  @Test
  void incomeClassesMapToLowIncome() {
    assertThat(AllocationRecordRepository.lowIncome("below_limit")).isTrue();
    assertThat(AllocationRecordRepository.lowIncome("middle")).isFalse();
    assertThat(AllocationRecordRepository.lowIncome("unknown")).isNull();
  }
}
