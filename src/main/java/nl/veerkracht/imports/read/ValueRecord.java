package nl.veerkracht.imports.read;

import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.statistics.domain.ObservationStatus;

/**
 * One figure from a file.
 *
 * @param divisionYear the year of the area division the code refers to
 * @param value null unless status is OK
 * @param reason why a value is missing or secret, in the source's terms ("'.' in source")
 */
public record ValueRecord(
    AreaCode code,
    int year,
    int divisionYear,
    String indicatorId,
    Double value,
    ObservationStatus status,
    String reason) {}
