package nl.veerkracht.security;

/** A role in a corporation. */
public record NewMembership(String corporation, String role) {}
