package nl.veerkracht.area.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AreaCodeTest {

  @ParameterizedTest
  @CsvSource({
    "GM0363, gemeente, GM0363, NL00",
    "WK036300, wijk, GM0363, GM0363",
    "BU03630000, buurt, GM0363, WK036300",
    "BU0363AB10, buurt, GM0363, WK0363AB",
    "NL00, land, , "
  })
  void knowsLevelGemeenteAndParent(String code, String level, String gemeente, String parent) {
    AreaCode c = AreaCode.of(code);
    assertThat(c.level().id()).isEqualTo(level);
    assertThat(c.gemeente().map(AreaCode::value).orElse(null)).isEqualTo(gemeente);
    assertThat(c.parent().map(AreaCode::value).orElse(null)).isEqualTo(parent);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"BU123", "GM363", "WK03630", "BU036300000", "XX0363", "gm0363 ", "", "GM03A3"})
  void rejectsMalformedCodes(String raw) {
    assertThatThrownBy(() -> AreaCode.of(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a CBS area code");
  }

  @Test
  void parseTrimsStatLinePaddingAndUppercases() {
    assertThat(AreaCode.parse("WK036300  ")).contains(AreaCode.of("WK036300"));
    assertThat(AreaCode.parse(" gm0308")).contains(AreaCode.of("GM0308"));
    assertThat(AreaCode.parse("BU123")).isEmpty();
    assertThat(AreaCode.parse(null)).isEmpty();
  }
}
