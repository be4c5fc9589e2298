package nl.veerkracht.analysis.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.Text;

/**
 * What the steps of one analysis run share: the inputs, the settings, area names for the
 * explanations, the results so far, and the changes that later steps build on.
 */
final class RunContext {

  final AnalysisInputs in;
  final AnalysisSettings settings;
  private final Map<String, String> names;
  final List<Result> out = new ArrayList<>();

  /** Vulnerability change per area code (for the signal and attention steps). */
  final Map<String, Vulnerability.Change> changes = new HashMap<>();

  RunContext(AnalysisInputs in, Map<String, String> names, AnalysisSettings settings) {
    this.in = in;
    this.names = names;
    this.settings = settings;
  }

  void ok(String code, int year, String id, double value, Text text) {
    out.add(Result.ok(code, year, id, value, text));
  }

  void missing(String code, int year, String id, Text text) {
    out.add(Result.missing(code, year, id, text));
  }

  /** The area's name for explanations: "gemeente Baarn (GM0308)", "Nederland". */
  Text name(String code) {
    if (code.equals("NL00")) {
      return Text.msg("analysis.netherlands");
    }
    String n = names.get(code);
    if (n == null) {
      return Text.plain(code);
    }
    return Text.plain((AreaCode.isGemeente(code) ? "gemeente " : "") + n + " (" + code + ")");
  }
}
