package nl.veerkracht.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The glossary of Dutch terms (the sources page is the imports room's: SourcesPageController). */
@Controller
@WebPage
public class InfoPagesController {

  private static final List<Term> GLOSSARY = loadGlossary();

  @GetMapping("/begrippen")
  public String glossary(Model model) {
    model.addAttribute("terms", GLOSSARY);
    return "web/glossary";
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
