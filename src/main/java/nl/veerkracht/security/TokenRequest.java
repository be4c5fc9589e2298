package nl.veerkracht.security;

/** The body of {@code POST /api/tokens}: a name that says where the token is used. */
public record TokenRequest(String name) {}
