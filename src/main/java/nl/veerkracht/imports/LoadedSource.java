package nl.veerkracht.imports;

/** A source as loaded, with its credit. */
public record LoadedSource(
    String source, String attribution, String licence, int files, String lastLoaded) {}
