package nl.veerkracht.area;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import org.springframework.stereotype.Service;

/**
 * Areas' names for other rooms: the newest name held for a code (the code when none is held), and
 * gemeenten by code or by name.
 */
@Service
public class AreaNames {

  private final AreaRepository areas;

  public AreaNames(AreaRepository areas) {
    this.areas = areas;
  }

  /** The newest name of each of these codes (codes not held are left out). */
  public Map<String, String> names(Collection<String> codes) {
    return areas.names(codes);
  }

  /** A gemeente to choose. */
  public record Gemeente(String code, String name) {}

  /** A gemeente code as given (GM0308, gm0308) or the code of the gemeente with this name. */
  public Optional<String> gemeente(String raw) {
    String s = raw.strip();
    Optional<AreaCode> code = AreaCode.parse(s);
    if (code.isPresent()) {
      return code.get().level() == AreaLevel.GEMEENTE
          ? Optional.of(code.get().value())
          : Optional.empty();
    }
    return areas.gemeenteNamed(s.toLowerCase(Locale.ROOT));
  }

  /** Every gemeente held, newest name, by name. */
  public List<Gemeente> gemeenten() {
    return areas.gemeenten().stream().map(g -> new Gemeente(g[0], g[1])).toList();
  }

  /** Whether any year holds an area of this code. */
  public boolean held(String code) {
    return areas.names(List.of(code)).containsKey(code);
  }

  /** The newest name of one code, or the code itself when its name is not held. */
  public String name(String code) {
    return areas.names(List.of(code)).getOrDefault(code, code);
  }
}
