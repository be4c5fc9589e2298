package nl.veerkracht.atelier;

import java.util.List;
import java.util.Map;

/** The results page: ranked measures per problem area, the room's answers per card, pin counts. */
public record AtelierResultsView(
    Atelier atelier,
    boolean staff,
    int participants,
    List<AtelierViews.AreaView> areas,
    List<FigureCards.Card> cards,
    Map<String, AtelierViews.CardAnswers> answers,
    Map<String, Map<String, Integer>> counts) {}
