package nl.veerkracht.security;

/** A new partner organisation; kind is GEMEENTE, HUURDERS, POLITIE, ZORG, WELZIJN or OVERIG. */
public record NewOrganisation(String code, String name, String kind) {}
