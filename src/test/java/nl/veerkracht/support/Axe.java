package nl.veerkracht.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** axe-core in a page (of a {@link Browser#auditContext} context): its WCAG 2 A and AA rules. */
public final class Axe {

  private Axe() {}

  /** The violations found on the page as it is now: rule, impact and up to three elements. */
  @SuppressWarnings("unchecked")
  public static List<String> violations(Page page) {
    try (InputStream in =
        Axe.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      page.addScriptTag(
          new Page.AddScriptTagOptions()
              .setContent(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return (List<String>)
        page.evaluate(
            "async () => { const r = await axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}); return r.violations.map(v =>"
                + " v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n =>"
                + " n.target.join(' ')).join(', ')); }");
  }
}
