package nl.veerkracht.map;

/** An indicator to choose. */
public record Choice(String id, String label, boolean catalogue) {}
