package nl.veerkracht.map;

/** A match, newest division first. */
public record Hit(String code, String name, String level, int year, String gemeente) {}
