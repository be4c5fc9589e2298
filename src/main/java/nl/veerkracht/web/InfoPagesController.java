package nl.veerkracht.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sources page (licences and what was loaded) and the glossary of Dutch terms. */
@Controller
@WebPage
public class InfoPagesController {

  private static final List<Term> GLOSSARY = loadGlossary();

  private final JdbcClient jdbc;

  public InfoPagesController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/begrippen")
  public String glossary(Model model) {
    model.addAttribute("terms", GLOSSARY);
    return "glossary";
  }

  @GetMapping("/bronnen")
  public String sources(Model model) {
    model.addAttribute(
        "loaded",
        jdbc.sql(
                """
                SELECT source, attribution, coalesce(licence, ''), count(*), max(finished_at)::date::text
                  FROM import_run WHERE corporation_id IS NULL
                 GROUP BY source, attribution, licence ORDER BY source
                """)
            .query(
                (rs, n) ->
                    new LoadedSource(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5)))
            .list());
    return "sources";
  }

  private static List<Term> loadGlossary() {
    List<Term> terms = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                InfoPagesController.class.getResourceAsStream("/glossary.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        if (f.length == 3) {
          terms.add(new Term(f[0], nl.veerkracht.common.Text.of(f[1], f[2])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(terms);
  }
}
