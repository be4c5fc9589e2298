package nl.veerkracht.stock.domain;

import java.math.BigDecimal;
import java.util.List;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.geo.LonLat;

/**
 * A rental unit (VHE, VERA {@code Eenheid}) as an import file describes it.
 *
 * @param location WGS84 position (converted from RD New when the file had RD), or null
 * @param givenBuurt the buurt code the file gave, cross-checked with the location, or null
 * @param targetRent streefhuur in euro per month
 * @param rent rekenhuur (net rent) in euro per month
 */
public record UnitRecord(
    long line,
    String unitCode,
    String street,
    Integer houseNumber,
    String houseLetter,
    String houseAddition,
    String postcode,
    String city,
    String bagId,
    LonLat location,
    AreaCode givenBuurt,
    Integer buildYear,
    String kind,
    String energyLabel,
    BigDecimal targetRent,
    BigDecimal rent,
    Integer wwsPoints,
    String targetGroup,
    String status,
    List<ClusterRef> clusters) {}
