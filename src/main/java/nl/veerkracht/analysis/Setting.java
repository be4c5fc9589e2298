package nl.veerkracht.analysis;

/** A setting as an operator writes it. */
public record Setting(String key, String value) {}
