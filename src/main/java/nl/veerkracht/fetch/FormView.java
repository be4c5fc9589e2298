package nl.veerkracht.fetch;

import java.util.List;
import java.util.Set;
import nl.veerkracht.common.Text;

/**
 * What the form offers and what was chosen last (the running or finished fetch, or the form that
 * was refused), so the form never forgets a choice.
 *
 * @param error why the form was refused, or null
 */
public record FormView(
    List<nl.veerkracht.area.AreaNames.Gemeente> gemeenten,
    List<Integer> years,
    List<FetchRequest.Source> sources,
    int lbmEdition,
    String job,
    Set<String> chosenGemeenten,
    boolean all,
    Set<Integer> chosenYears,
    Set<FetchRequest.Source> chosenSources,
    Text error) {

  public boolean chosen(nl.veerkracht.area.AreaNames.Gemeente g) {
    return chosenGemeenten.contains(g.code());
  }
}
