package nl.veerkracht.area;

/**
 * An area a search found: its code, name, level, the newest year it is held for, and the name of
 * its gemeente.
 */
public record AreaMatch(String code, String name, String level, int year, String gemeente) {}
