package nl.veerkracht.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** axe-core in a page (of a {@link Browser#auditContext} context): its WCAG 2 A and AA rules. */
public final class Axe {

  private Axe() {}

  private static final String SCRIPT = script();

  private static String script() {
    try (InputStream in =
        Axe.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The violations found on the page as it is now: rule, impact and up to three elements. */
  @SuppressWarnings("unchecked")
  public static List<String> violations(Page page) {
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
    // only the violations are collected: passes and inapplicable rules are not gathered (the same
    // rules run; axe-core's own advice for large pages)
    return (List<String>)
        page.evaluate(
            "async () => { const r = await axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']});"
                + " return r.violations.map(v =>"
                + " v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n =>"
                + " n.target.join(' ')).join(', ')); }");
  }
}
