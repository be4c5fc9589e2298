package nl.veerkracht.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for row-level security says why and what to do, instead of a stack trace. */
public class RowLevelSecurityFailureAnalyzer
    extends AbstractFailureAnalyzer<RowLevelSecurityCheck.RowLevelSecurityOffException> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, RowLevelSecurityCheck.RowLevelSecurityOffException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.remedy(), cause);
  }
}
