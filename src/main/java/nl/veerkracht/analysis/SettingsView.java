package nl.veerkracht.analysis;

import nl.veerkracht.analysis.domain.AnalysisSettings;

/** The settings in force and what the last run did. */
public record SettingsView(AnalysisSettings settings, AnalysisService.Run lastRun, String method) {}
