package nl.veerkracht.corporation;

/** The body of a new corporation. */
public record NewCorporation(String code, String name) {}
