package nl.veerkracht.area.domain;

import java.util.Map;
import nl.veerkracht.geo.AreaGeometry;

/**
 * What an import knows of an area: written with {@code AreaRepository#upsert}.
 *
 * @param name null when the source gives none (an existing name is kept)
 * @param geometry null when the source has no geometry (an existing one is kept)
 * @param attributes text attributes, merged into the existing ones
 */
public record AreaUpsert(
    AreaCode code, int year, String name, AreaGeometry geometry, Map<String, String> attributes) {}
