package nl.veerkracht.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The ateliers' settings: defaults when unset; a value out of range names its key and the range.
 */
class AtelierSettingsTest {

  @Test
  void unsetSettingsTakeTheirDefaults() {
    AtelierSettings s = new AtelierSettings(null, null, null, null);
    assertThat(s.retentionDays()).isEqualTo(365);
    assertThat(s.maxParticipants()).isEqualTo(250);
    assertThat(s.joinsPerAddressPerHour()).isEqualTo(500);
    assertThat(s.wrongCodesPerMinute()).isEqualTo(10);
  }

  @Test
  void aValueOutOfRangeStopsTheStartNamingKeyValueAndRange() {
    assertThatThrownBy(() -> new AtelierSettings(null, 0, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("veerkracht.ateliers.max-participants = 0")
        .hasMessageContaining("from 1 to 5000");
    assertThatThrownBy(() -> new AtelierSettings(-1, null, null, null))
        .hasMessageContaining("veerkracht.ateliers.retention-days = -1");
  }
}
