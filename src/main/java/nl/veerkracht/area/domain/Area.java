package nl.veerkracht.area.domain;

/**
 * An area of one year's division, without geometry.
 *
 * @param parentCode the wijk of a buurt, the gemeente of a wijk, NL00 for a gemeente
 * @param hasGeometry whether a boundary was imported
 */
public record Area(
    AreaCode code,
    String name,
    AreaLevel level,
    int year,
    AreaCode parentCode,
    boolean hasGeometry) {}
