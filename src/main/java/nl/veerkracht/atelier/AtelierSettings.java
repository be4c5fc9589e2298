package nl.veerkracht.atelier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ateliers' settings ({@code veerkracht.ateliers.*}), checked at start: a value out of range
 * stops the start with the key, the value and what is allowed.
 *
 * @param retentionDays days after closing before participants' names and tokens are erased
 * @param maxParticipants most participants one atelier takes (a large hall, not a flood)
 * @param joinsPerAddressPerHour most joins from one network address in an hour, over all ateliers
 *     (a venue's wifi puts a whole room behind one address: keep it well above a room's size)
 * @param wrongCodesPerMinute most wrong join codes from one address in a minute (guessing codes)
 */
@ConfigurationProperties("veerkracht.ateliers")
public record AtelierSettings(
    Integer retentionDays,
    Integer maxParticipants,
    Integer joinsPerAddressPerHour,
    Integer wrongCodesPerMinute) {

  public AtelierSettings {
    retentionDays = check("retention-days", retentionDays, 365, 1, 3650);
    maxParticipants = check("max-participants", maxParticipants, 250, 1, 5000);
    joinsPerAddressPerHour =
        check("joins-per-address-per-hour", joinsPerAddressPerHour, 500, 1, 100_000);
    wrongCodesPerMinute = check("wrong-codes-per-minute", wrongCodesPerMinute, 10, 1, 1000);
  }

  private static int check(String key, Integer value, int fallback, int min, int max) {
    int v = value == null ? fallback : value;
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          "veerkracht.ateliers."
              + key
              + " = "
              + v
              + " is not allowed: use a whole number from "
              + min
              + " to "
              + max);
    }
    return v;
  }
}
