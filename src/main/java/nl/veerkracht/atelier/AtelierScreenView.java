package nl.veerkracht.atelier;

/**
 * A live atelier screen: the phone, the facilitator's console or the projector; the script reads
 * the rest from the API.
 *
 * @param mode {@code phone}, {@code console} or {@code screen}
 * @param joinLink the link participants open (staff screens only)
 */
public record AtelierScreenView(
    long id, String name, String mode, String joinLink, String joinCode) {}
