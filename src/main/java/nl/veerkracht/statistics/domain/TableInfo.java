package nl.veerkracht.statistics.domain;

/**
 * A CBS StatLine table as its {@code TableInfos} document describes it.
 *
 * @param identifier the table id, e.g. {@code 85984NED}
 * @param period the period covered, e.g. {@code 2024}
 * @param modified when CBS last changed it (ISO date-time as CBS writes it)
 */
public record TableInfo(
    String identifier, String title, String period, String modified, String summary) {}
