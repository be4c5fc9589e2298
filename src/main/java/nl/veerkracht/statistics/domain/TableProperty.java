package nl.veerkracht.statistics.domain;

/**
 * A column of a CBS OData table as its {@code DataProperties} describe it.
 *
 * @param key the full key with its edition suffix ({@code InBezitWoningcorporatie_49})
 * @param year the table's year (its {@code MapYear})
 * @param datatype {@code Long}, {@code Double} or {@code String}
 * @param parentTitle title of the topic group, to tell apart keys whose stems repeat
 */
public record TableProperty(
    String key,
    int year,
    String title,
    String unit,
    String datatype,
    int decimals,
    String parentTitle,
    String description) {}
