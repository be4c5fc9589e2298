package nl.veerkracht.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {

  @Test
  void aBuurtLiesInItsWijkAndGemeenteAndNotTheOtherWayRound() {
    assertThat(Coverage.within("BU03080000", "BU03080000")).isTrue();
    assertThat(Coverage.within("BU03080000", "WK030800")).isTrue();
    assertThat(Coverage.within("BU03080000", "GM0308")).isTrue();
    assertThat(Coverage.within("WK030800", "GM0308")).isTrue();
    assertThat(Coverage.within("WK030800", "BU03080000")).isFalse();
    assertThat(Coverage.within("GM0308", "WK030800")).isFalse();
    // BU gggg ww bb: buurt 00 of wijk 01
    assertThat(Coverage.within("BU03080100", "WK030801")).isTrue();
    assertThat(Coverage.within("BU03080100", "WK030800")).isFalse();
    assertThat(Coverage.within("BU03090000", "GM0308")).isFalse();
  }

  @Test
  void codesThatAreNoCbsAreaCoverNothing() {
    assertThat(Coverage.within("BU03080000", "XX0308")).isFalse();
    assertThat(Coverage.within(null, "GM0308")).isFalse();
    assertThat(Coverage.within("BU03080000", "")).isFalse();
    assertThat(Coverage.anyWithin(List.of("BU03090000", "BU03080000"), "GM0308")).isTrue();
    assertThat(Coverage.anyWithin(List.of(), "GM0308")).isFalse();
  }
}
