package nl.veerkracht.web;

/** A configured OpenID Connect provider on the login page: where to sign in, and its name. */
public record LoginProvider(String href, String name) {}
