package nl.veerkracht.analysis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.veerkracht.VeerkrachtApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/** Must show 3 of the house issue: an invalid analysis setting stops the start, naming the key. */
class SettingsFailFastIT {

  @Test
  void startingWithThreeClassLimitsFailsNamingTheKey() {
    SpringApplication app = new SpringApplication(VeerkrachtApplication.class);
    assertThatThrownBy(
            () ->
                app.run(
                    "--spring.profiles.active=test",
                    "--server.port=0",
                    "--veerkracht.db.embedded-database=it_settings",
                    "--veerkracht.analysis.lbm-class-limits=1,2,3"))
        .rootCause()
        .hasMessageContaining("veerkracht.analysis.lbm-class-limits=1,2,3")
        .hasMessageContaining("eight ascending limits");
  }
}
