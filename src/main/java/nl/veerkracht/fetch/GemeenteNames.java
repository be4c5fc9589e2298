package nl.veerkracht.fetch;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gemeenten by code or by name, from the boundaries held. */
@Component
public class GemeenteNames {

  /** A gemeente to choose. */
  public record Gemeente(String code, String name) {}

  private final JdbcClient jdbc;

  public GemeenteNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A gemeente code as given (GM0308, gm0308) or the code of the gemeente with this name. */
  public Optional<String> resolve(String raw) {
    String s = raw.strip();
    Optional<AreaCode> code = AreaCode.parse(s);
    if (code.isPresent()) {
      return code.get().level() == AreaLevel.GEMEENTE
          ? Optional.of(code.get().value())
          : Optional.empty();
    }
    return jdbc.sql(
            "SELECT code FROM area WHERE level = 'gemeente' AND lower(name) = ?"
                + " ORDER BY year DESC LIMIT 1")
        .param(s.toLowerCase(Locale.ROOT))
        .query(String.class)
        .optional();
  }

  /** Every gemeente held, newest name, by name. */
  public List<Gemeente> all() {
    return jdbc.sql(
            "SELECT code, name FROM (SELECT DISTINCT ON (code) code, name FROM area"
                + " WHERE level = 'gemeente' ORDER BY code, year DESC) g ORDER BY name")
        .query((rs, i) -> new Gemeente(rs.getString(1), rs.getString(2)))
        .list();
  }
}
