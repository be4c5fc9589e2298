package nl.veerkracht.analysis;

import nl.veerkracht.analysis.domain.InvalidSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Stops the start with the setting, its value and what is allowed, instead of a stack trace. */
public class InvalidSettingFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidSettingException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Change " + cause.key() + " to " + cause.allowed() + ", or remove it to use the default.",
        cause);
  }
}
