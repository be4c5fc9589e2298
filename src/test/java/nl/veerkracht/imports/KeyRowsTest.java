package nl.veerkracht.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRowsTest {

  @Test
  void remembersTheFirstRowOfEachKeyAcrossGrowth() {
    KeyRows rows = new KeyRows();
    for (int i = 0; i < 200_000; i++) {
      assertThat(rows.putIfAbsent("BU" + (10_000_000 + i), 2019, "inhabitants", i)).isEqualTo(-1);
    }
    assertThat(rows.putIfAbsent("BU10000007", 2019, "inhabitants", 999_999)).isEqualTo(7);
    assertThat(rows.putIfAbsent("BU10000007", 2020, "inhabitants", 1)).isEqualTo(-1);
    assertThat(rows.putIfAbsent("BU10000007", 2019, "dwellings", 1)).isEqualTo(-1);
  }
}
