package nl.veerkracht.monitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TargetStatusTest {

  static SortedMap<Integer, Double> series(Object... yearValue) {
    SortedMap<Integer, Double> s = new TreeMap<>();
    for (int i = 0; i < yearValue.length; i += 2) {
      s.put((Integer) yearValue[i], ((Number) yearValue[i + 1]).doubleValue());
    }
    return s;
  }

  @Test
  void onTrackWhenAtOrBeyondTheLineFromBaselineToTarget() {
    // down from 20 (2020) to 10 (2030): the line stands at 16 in 2024
    var a = TargetStatus.assess(series(2020, 20, 2024, 16), 2020, 10, 2030);
    assertThat(a.expectedNow()).isCloseTo(16, within(1e-12));
    assertThat(a.status()).isEqualTo(TargetStatus.Status.ON_TRACK);
    assertThat(a.trendPerYear()).isCloseTo(-1, within(1e-12));
    assertThat(TargetStatus.assess(series(2020, 20, 2024, 16.5), 2020, 10, 2030).status())
        .isEqualTo(TargetStatus.Status.OFF_TRACK);
    // up from 0.1 to 0.5: 0.3 in 2025 of a line that stands at 0.3 is on track
    assertThat(TargetStatus.assess(series(2020, 0.1, 2025, 0.3), 2020, 0.5, 2030).status())
        .isEqualTo(TargetStatus.Status.ON_TRACK);
  }

  @Test
  void fromTheTargetYearOnTheTargetMustBeReached() {
    assertThat(TargetStatus.assess(series(2020, 20, 2031, 10.5), 2020, 10, 2030).status())
        .isEqualTo(TargetStatus.Status.OFF_TRACK);
    assertThat(TargetStatus.assess(series(2020, 20, 2031, 9), 2020, 10, 2030).status())
        .isEqualTo(TargetStatus.Status.ON_TRACK);
  }

  @Test
  void theBaselineIsTheStartYearElseTheNewestBeforeItAndNoNewerValueIsNoData() {
    var a = TargetStatus.assess(series(2018, 5, 2019, 6, 2022, 7), 2021, 8, 2025);
    assertThat(a.baselineYear()).isEqualTo(2019);
    assertThat(a.newestYear()).isEqualTo(2022);
    assertThat(TargetStatus.assess(series(2021, 5), 2021, 8, 2025).status())
        .isEqualTo(TargetStatus.Status.NO_DATA);
    assertThat(TargetStatus.assess(series(2023, 5), 2021, 8, 2025).status())
        .isEqualTo(TargetStatus.Status.NO_DATA);
  }

  @Test
  void differenceInDifferencesByHand() {
    // area: before (2018, 2019) mean 10, after (2021, 2022) mean 6 -> change -4
    // peers change: -1, -2, -3 -> mean -2; difference -4 - (-2) = -2
    var area = series(2018, 10, 2019, 10, 2020, 8, 2021, 6, 2022, 6);
    List<SortedMap<Integer, Double>> peers =
        List.of(
            series(2018, 5, 2019, 5, 2021, 4, 2022, 4),
            series(2018, 5, 2019, 5, 2021, 3, 2022, 3),
            series(2018, 5, 2019, 5, 2021, 2, 2022, 2),
            series(2019, 5, 2021, 1, 2022, 1)); // one year before: not used
    var r = DiffInDiff.compute(area, peers, 2020);
    assertThat(r.peers()).isEqualTo(3);
    assertThat(r.peerChange()).isCloseTo(-2, within(1e-12));
    assertThat(r.difference()).isCloseTo(-2, within(1e-12));
    assertThat(DiffInDiff.compute(area, peers.subList(0, 2), 2020).missing())
        .isEqualTo(DiffInDiff.Missing.PEER_GROUP_TOO_SMALL);
    assertThat(DiffInDiff.compute(series(2019, 1, 2021, 1, 2022, 1), peers, 2020).missing())
        .isEqualTo(DiffInDiff.Missing.SERIES_TOO_SHORT);
  }
}
