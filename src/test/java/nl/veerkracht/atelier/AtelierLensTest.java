package nl.veerkracht.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import nl.veerkracht.security.Membership;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The atelier's privacy lens as a table, without a server: who asks (the facilitator, a staff
 * member who only reads, the pin's own participant, another participant), through which lens
 * (staff, the room and projector, the record), a pin in which state (visible, waiting for approval,
 * hidden; at a home in a resident atelier or not) → whether it is seen, its text whole or as the
 * privacy guard shows it, and whether the nearest complex and the author come along.
 */
class AtelierLensTest {

  static final String WHOLE = "Lekkage bij Dorpsstraat 12, al maanden";
  static final String MASKED = "Lekkage bij [adres], al maanden";

  static Caller caller(String who) {
    return switch (who) {
      case "facilitator" ->
          new Caller.Staff(new Membership(1, "DEMO", "Demo", Membership.Role.FACILITATOR), "fay");
      case "reader" ->
          new Caller.Staff(new Membership(1, "DEMO", "Demo", Membership.Role.VIEWER), "vic");
      case "owner" -> new Caller.Participant(7, 1, "Anna", "bewoner");
      case "other" -> new Caller.Participant(8, 1, "Bram", "bewoner");
      default -> throw new IllegalArgumentException(who);
    };
  }

  static PinRepository.Pin pin(String status, boolean nearHome) {
    return new PinRepository.Pin(
        100,
        1,
        7L,
        null,
        "c-1",
        52.21,
        5.28,
        "probleem",
        null,
        WHOLE,
        "BU03080004",
        2024,
        "C0025",
        nearHome,
        status,
        null,
        Instant.EPOCH,
        MASKED,
        false);
  }

  @ParameterizedTest(name = "{0} through {1}, {2}, at a home {3}, resident atelier {4} → {5}")
  @CsvSource({
    // who,       lens,   status,  home,  residents, seen,  text,   complex, author
    "facilitator, STAFF,  VISIBLE, false, false,     true,  whole,  true,    Anna",
    "facilitator, STAFF,  PENDING, true,  true,      true,  whole,  true,    Anna",
    "facilitator, STAFF,  HIDDEN,  false, false,     true,  whole,  true,    Anna",
    "reader,      STAFF,  VISIBLE, false, false,     true,  whole,  true,    ",
    "reader,      STAFF,  PENDING, false, false,     false, ,       ,        ",
    "reader,      STAFF,  HIDDEN,  false, false,     false, ,       ,        ",
    "owner,       ROOM,   VISIBLE, false, false,     true,  whole,  false,   ",
    "owner,       ROOM,   PENDING, false, false,     true,  whole,  false,   ",
    "owner,       ROOM,   HIDDEN,  false, false,     false, ,       ,        ",
    "owner,       ROOM,   VISIBLE, true,  true,      true,  whole,  false,   ",
    "other,       ROOM,   VISIBLE, false, false,     true,  masked, false,   ",
    "other,       ROOM,   PENDING, false, false,     false, ,       ,        ",
    "other,       ROOM,   HIDDEN,  false, false,     false, ,       ,        ",
    "other,       ROOM,   VISIBLE, true,  true,      false, ,       ,        ",
    "other,       ROOM,   VISIBLE, true,  false,     true,  masked, false,   ",
    // the projector: the facilitator's screen shows what the room sees
    "facilitator, ROOM,   VISIBLE, false, false,     true,  masked, false,   ",
    "facilitator, ROOM,   PENDING, false, false,     false, ,       ,        ",
    "facilitator, ROOM,   HIDDEN,  false, false,     false, ,       ,        ",
    // the record (exports, a partner's copy): the room's pins, texts as the room sees them
    "facilitator, RECORD, VISIBLE, false, false,     true,  masked, false,   ",
    "facilitator, RECORD, HIDDEN,  false, false,     false, ,       ,        ",
    "other,       RECORD, PENDING, false, false,     false, ,       ,        ",
  })
  void whoSeesWhatOfAPin(
      String who,
      AtelierViews.Lens lens,
      String status,
      boolean home,
      boolean residents,
      boolean seen,
      String text,
      Boolean complex,
      String author) {
    AtelierViews.PinView v =
        AtelierViews.seen(pin(status, home), caller(who), lens, residents, Map.of(7L, "Anna"));
    if (!seen) {
      assertThat(v).isNull();
      return;
    }
    assertThat(v).isNotNull();
    assertThat(v.text()).isEqualTo(text.equals("whole") ? WHOLE : MASKED);
    assertThat(v.complexCode()).isEqualTo(complex ? "C0025" : null);
    assertThat(v.author()).isEqualTo(author);
    assertThat(v.mine()).isEqualTo(who.equals("owner"));
  }
}
