package nl.veerkracht.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.analysis.domain.AnalysisEngine;
import nl.veerkracht.analysis.domain.Bands;
import nl.veerkracht.analysis.domain.Signal;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.web.Page;
import org.springframework.stereotype.Service;

/** Turns a complex profile into rows of text in the reader's language, for the page and the PDF. */
@Service
public class ProfileViews {

  private final ProfileService profiles;
  private final StatisticsCatalogue catalogue;
  private final CurrentUser currentUser;

  public ProfileViews(
      ProfileService profiles, StatisticsCatalogue catalogue, CurrentUser currentUser) {
    this.profiles = profiles;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
  }

  /** The caller's membership of the corporation (its code in any case); refused unless staff. */
  public Membership staff(String corporation) {
    return currentUser.requireStaff(corporation.strip().toUpperCase(Locale.ROOT));
  }

  /** Like {@link #staff}, and remembered as the corporation the caller works on. */
  Membership forPage(String corporation) {
    Membership m = staff(corporation);
    currentUser.choose(m.corporationCode());
    return m;
  }

  ProfileView view(Membership m, String type, String code, Audience audience, Locale locale) {
    ComplexProfile p = profiles.complex(m, type, code, audience, null);
    List<ProfileView.Row> rows = new ArrayList<>();
    boolean resident = audience == Audience.RESIDENT;
    for (Map.Entry<String, ComplexProfile.FigureView> e : p.indicators().entrySet()) {
      rows.add(row(e.getKey(), e.getValue(), locale, resident));
    }
    return new ProfileView(p, ComplexStory.of(p), rows, type, m.corporationCode(), resident);
  }

  private ProfileView.Row row(
      String id, ComplexProfile.FigureView f, Locale locale, boolean resident) {
    Indicator i = catalogue.find(id).orElse(null);
    String label =
        id.equals(ComplexIndicators.OWN_SHARE)
            ? Text.msg("complex.ownShare.label").in(locale) + " (%)"
            : i == null ? id : i.label(locale);
    String value =
        f.value() == null ? Text.msg("value.unknown").in(locale) : format(id, f.value(), i, locale);
    // how many units a figure covers is a count: residents do not see it
    String coverage =
        resident || f.coveredUnits() == null || f.coveredUnits().equals(f.totalUnits())
            ? ""
            : f.coveredUnits() + " / " + f.totalUnits();
    return new ProfileView.Row(
        id,
        label,
        value,
        f.year(),
        coverage,
        f.explanation().in(locale),
        compared(f.gemeente(), f.year(), i, locale, resident),
        compared(f.nl(), f.year(), i, locale, resident),
        compared(f.peers(), f.year(), i, locale, resident));
  }

  /** A comparison figure with its year, saying so when its year is not the complex's. */
  private static String compared(
      ComplexProfile.Comparison c, Integer year, Indicator i, Locale locale, boolean resident) {
    if (c == null || c.value() == null) {
      return "–";
    }
    // the number of peer buurten behind a mean is for staff; a resident sees the mean only
    String n = !resident && c.label().startsWith("n=") ? " " + c.label() : "";
    return Page.format(c.value(), i == null ? 1 : Math.max(1, i.decimals()), locale)
        + " ("
        + c.year()
        + (year != null && c.year() != null && !c.year().equals(year)
            ? ", " + Text.msg("profile.otherYear").in(locale)
            : "")
        + n
        + ")";
  }

  /** A figure's value as text: class and signal names for classes, a number otherwise. */
  public static String format(String id, double v, Indicator i, Locale locale) {
    int c = (int) Math.round(v);
    return switch (id) {
      case AnalysisEngine.SIGNAL -> Signal.ofCode(c).label().in(locale);
      case AnalysisEngine.ATTENTION -> Text.msg(c == 1 ? "value.yes" : "value.no").in(locale);
      case AnalysisEngine.LBM_CLASS -> c + " (" + Bands.lbmLabel(c).in(locale) + ")";
      case AnalysisEngine.SHARE_BAND -> Bands.shareLabel(c).in(locale);
      default -> Page.format(v, i == null ? 1 : Math.max(1, i.decimals()), locale);
    };
  }
}
