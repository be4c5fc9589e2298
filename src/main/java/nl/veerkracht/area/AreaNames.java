package nl.veerkracht.area;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Areas' names for other rooms: the newest name held for a code, the code when none is held. */
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

  /** The newest name of one code, or the code itself when its name is not held. */
  public String name(String code) {
    return areas.names(List.of(code)).getOrDefault(code, code);
  }
}
