package nl.veerkracht.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FetchScheduleSettingsTest {

  @Test
  void offByDefaultAndOnWithACronExpression() {
    FetchScheduleSettings none = new FetchScheduleSettings(null, null, null);
    assertThat(none.on()).isFalse();
    assertThat(none.gemeenten()).isEmpty();
    assertThat(none.years()).isEmpty();
    FetchScheduleSettings monthly =
        new FetchScheduleSettings("0 0 3 1 * *", List.of(" GM0308 ", ""), List.of(2024));
    assertThat(monthly.on()).isTrue();
    assertThat(monthly.gemeenten()).containsExactly("GM0308");
    assertThat(monthly.years()).containsExactly(2024);
  }

  @Test
  void aWrongCronOrYearStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> new FetchScheduleSettings("every month", List.of("GM0308"), null))
        .hasMessageContaining("veerkracht.fetch.schedule.cron = every month")
        .hasMessageContaining("six fields");
    assertThatThrownBy(() -> new FetchScheduleSettings("0 0 3 1 * *", null, List.of(24)))
        .hasMessageContaining("veerkracht.fetch.schedule.years contains 24")
        .hasMessageContaining("2000 to 2100");
  }
}
