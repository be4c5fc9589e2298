package nl.veerkracht.corporation;

/**
 * A housing corporation served by this server. Its code (e.g. {@code DEMO}) names it in URLs, the
 * API and imports.
 *
 * @param synthetic true for the generated demo corporation, which the UI labels as such
 * @param complexClusterType the cluster type the UI calls "complex" (default OND, maintenance)
 */
public record Corporation(
    long id, String code, String name, boolean synthetic, String complexClusterType) {}
