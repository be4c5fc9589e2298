package nl.veerkracht.profile;

import nl.veerkracht.common.Text;

/**
 * A corporation's own units in a buurt against the CBS dwellings there, next to CBS's share of
 * corporation homes.
 */
public record OwnShareView(
    String buurtCode,
    String buurtName,
    int year,
    Integer units,
    Double dwellings,
    Integer dwellingsYear,
    Double ownPct,
    Integer ownBand,
    Double cbsPct,
    Integer cbsYear,
    Integer cbsBand,
    Text explanation) {}
