package nl.veerkracht.profile;

import java.math.BigDecimal;
import nl.veerkracht.analysis.domain.ComplexFigures;
import nl.veerkracht.analysis.domain.SmallNumbers;
import nl.veerkracht.common.Text;

/**
 * The one place that decides which numbers an audience may see. Staff see everything. Residents
 * (and every view that may reach them: resident pages, PDFs, exports, ateliers) see counts of at
 * least 10 rounded to 5, shares only with a denominator of at least 10, no money amounts, and
 * explanations without counts of units or households.
 */
public record AudiencePolicy(Audience audience) {

  public static final AudiencePolicy STAFF = new AudiencePolicy(Audience.STAFF);
  public static final AudiencePolicy RESIDENT = new AudiencePolicy(Audience.RESIDENT);

  public static AudiencePolicy of(Audience audience) {
    return audience == Audience.RESIDENT ? RESIDENT : STAFF;
  }

  public boolean resident() {
    return audience == Audience.RESIDENT;
  }

  /** A count of households, persons or units: null when residents may not see it. */
  public Integer count(long n) {
    return resident() ? SmallNumbers.count(n) : Integer.valueOf((int) n);
  }

  /** Whether a figure computed over {@code n} households or units may be shown. */
  public boolean showsFigureOver(long n) {
    return !resident() || SmallNumbers.showable(n);
  }

  /** A share {@code part / whole} in percent (one decimal for staff, whole for residents). */
  public Double share(long part, long whole) {
    if (resident()) {
      return SmallNumbers.share(part, whole);
    }
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  /** A money amount: residents see none. */
  public BigDecimal money(BigDecimal amount) {
    return resident() ? null : amount;
  }

  /** The explanation of a complex figure: the resident one holds no counts. */
  public Text explanation(ComplexFigures.Figure f) {
    return resident() ? f.residentExplanation() : f.explanation();
  }

  /** The note shown above a profile for this audience. */
  public Text note() {
    return Text.msg(resident() ? "profile.note.resident" : "profile.note.staff");
  }
}
