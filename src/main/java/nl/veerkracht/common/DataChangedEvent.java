package nl.veerkracht.common;

/**
 * Published after an import or edit changed stored data, so that caches of derived figures are
 * dropped. Published after the transaction committed.
 *
 * @param what a short description ("public data", "stock of DEMO")
 */
public record DataChangedEvent(String what) {}
