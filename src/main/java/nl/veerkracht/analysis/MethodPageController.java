package nl.veerkracht.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.veerkracht.analysis.domain.AnalysisSettings;
import nl.veerkracht.web.WebPage;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /methode}: {@code docs/method.md} (the formulas, thresholds and sources, with a worked
 * example) and the settings in force, so that every figure can be traced.
 */
@Controller
@WebPage
public class MethodPageController {

  private final String html;
  private final String htmlNl;
  private final AnalysisSettings settings;

  public MethodPageController(AnalysisSettings settings) {
    this.settings = settings;
    this.html = render(read("/docs/method.md"));
    String nl = read("/docs/method.nl.md");
    this.htmlNl = render(nl.isEmpty() ? read("/docs/method.md") : nl);
  }

  private static String render(String markdown) {
    List<org.commonmark.Extension> ext = List.of(TablesExtension.create());
    // the document is ours; raw HTML in it is still escaped
    String html =
        HtmlRenderer.builder()
            .extensions(ext)
            .escapeHtml(true)
            .build()
            .render(Parser.builder().extensions(ext).build().parse(markdown));
    // the documents link to each other as files; on the site they are this page in a language
    // wide tables scroll within the column instead of widening a phone's page
    html =
        html.replace("<table>", "<div class=\"table-responsive\"><table class=\"table table-sm\">");
    html = html.replace("</table>", "</table></div>");
    return html.replace("href=\"method.md\"", "href=\"/methode?lang=en\"")
        .replace("href=\"method.nl.md\"", "href=\"/methode?lang=nl\"");
  }

  @GetMapping("/methode")
  public String method(Model model, jakarta.servlet.http.HttpServletRequest request) {
    boolean english =
        "en"
            .equals(
                org.springframework.web.servlet.support.RequestContextUtils.getLocale(request)
                    .getLanguage());
    model.addAttribute("html", english ? html : htmlNl);
    model.addAttribute("settings", settings(settings));
    return "analysis/method";
  }

  static List<Setting> settings(AnalysisSettings s) {
    String p = AnalysisConfiguration.PREFIX + ".";
    List<Setting> out = new ArrayList<>();
    out.add(new Setting(p + "lbm-class-limits", join(s.lbmClassLimits())));
    s.lbmClassLimitsByEdition()
        .forEach(
            (y, v) -> out.add(new Setting(p + "lbm-class-limits-by-edition[" + y + "]", join(v))));
    out.add(new Setting(p + "lbm-dimension-limits", join(s.lbmDimensionLimits())));
    s.lbmNationalMean()
        .forEach((y, v) -> out.add(new Setting(p + "lbm-national-mean[" + y + "]", v.toString())));
    out.add(new Setting(p + "share-bands", join(s.shareBands())));
    for (Map.Entry<String, Double> w : s.vulnerabilityWeights().entrySet()) {
      out.add(
          new Setting(p + "vulnerability-weights[" + w.getKey() + "]", w.getValue().toString()));
    }
    out.add(new Setting(p + "reference", s.reference()));
    out.add(new Setting(p + "vulnerability-rise", s.vulnerabilityRise().toString()));
    out.add(new Setting(p + "onv-worse", s.onvWorse().toString()));
    out.add(new Setting(p + "onv-basis", s.onvBasis()));
    out.add(new Setting(p + "window-years", s.windowYears().toString()));
    out.add(new Setting(p + "min-span-years", s.minSpanYears().toString()));
    AnalysisSettings.Attention a = s.attention();
    out.add(new Setting(p + "attention.max-lbm-class", a.maxLbmClass().toString()));
    out.add(new Setting(p + "attention.min-corporation-share", a.minCorporationShare().toString()));
    out.add(new Setting(p + "attention.vulnerability-rising", a.vulnerabilityRising().toString()));
    out.add(new Setting(p + "attention.nuisance-worsening", a.nuisanceWorsening().toString()));
    out.add(new Setting(p + "attention.min-rules", a.minRules().toString()));
    return out;
  }

  private static String join(List<Double> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }

  private static String read(String resource) {
    try (InputStream in = MethodPageController.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
