package nl.veerkracht.fetch;

import java.util.List;

/** What the form offers. */
public record FormView(
    List<GemeenteNames.Gemeente> gemeenten,
    List<Integer> years,
    List<FetchRequest.Source> sources,
    int lbmEdition,
    String job) {}
