package nl.veerkracht.web;

/** A source as loaded, with its credit. */
public record LoadedSource(
    String source, String attribution, String licence, int files, String lastLoaded) {}
