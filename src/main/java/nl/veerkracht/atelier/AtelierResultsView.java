package nl.veerkracht.atelier;

import java.util.List;
import java.util.Map;

/**
 * The results page: ranked measures per problem area, the judged figures with the room's answers
 * (per group), the numbered pin map (SVG, laid out as on the PDF) and the pin list, pin counts.
 */
public record AtelierResultsView(
    Atelier atelier,
    boolean staff,
    int participants,
    List<AtelierViews.AreaView> areas,
    List<FigureCards.Card> cards,
    Map<String, AtelierViews.CardAnswers> answers,
    Map<String, Map<String, Integer>> counts,
    String mapSvg,
    List<AtelierExports.PinRow> pins) {}
