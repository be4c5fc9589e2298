package nl.veerkracht.imports.read;

import java.util.Map;
import nl.veerkracht.area.domain.AreaCode;
import org.locationtech.jts.geom.Geometry;

/**
 * An area as a file describes it.
 *
 * @param name null when the file gives none
 * @param geometry WGS84, or null when the file has no geometry
 * @param attributes text attributes (most common postcode, water flag, ...)
 */
public record AreaRecord(
    AreaCode code, int year, String name, Geometry geometry, Map<String, String> attributes) {}
