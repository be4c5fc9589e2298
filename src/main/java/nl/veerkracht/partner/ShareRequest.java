package nl.veerkracht.partner;

/** A corporation shares an area (buurt, wijk or gemeente) or one complex with an organisation. */
public record ShareRequest(
    String corporation, String organisation, String areaCode, String complexCode) {}
