package nl.veerkracht.monitor;

import java.time.LocalDate;
import java.util.List;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;

/** What /wijzigingen shows: the changes since a date and the signal thresholds. */
public record ChangesView(
    Membership corporation,
    LocalDate since,
    List<Changes.Change> changes,
    List<SignalThresholds.Threshold> thresholds,
    Text error) {}
