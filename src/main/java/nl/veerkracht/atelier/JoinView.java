package nl.veerkracht.atelier;

import java.util.List;
import nl.veerkracht.common.Text;

/**
 * The join page: the code (typed or from the link), the atelier it opens when known, and the groups
 * a participant may say they belong to.
 */
public record JoinView(
    String code, String atelierName, List<String> groups, String name, Text error) {}
