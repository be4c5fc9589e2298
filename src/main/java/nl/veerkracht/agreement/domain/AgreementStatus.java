package nl.veerkracht.agreement.domain;

import java.util.Collection;
import nl.veerkracht.monitor.domain.TargetStatus;

/**
 * The status of a prestatieafspraak from the targets of its measures, by one stated rule (also in
 * {@code docs/method.md}). Only targets that can be measured count (on track or not on track; a
 * target without a baseline or without a newer figure cannot be measured yet):
 *
 * <ul>
 *   <li><b>nog niet te meten</b> (not measurable yet): no linked target can be measured;
 *   <li><b>op koers</b> (on track): every measurable target is on track;
 *   <li><b>niet op koers</b> (off track): more than half of the measurable targets are off track;
 *   <li><b>aandacht</b> (attention): otherwise — some off track, at most half.
 * </ul>
 */
public final class AgreementStatus {

  public enum Status {
    OP_KOERS,
    AANDACHT,
    NIET_OP_KOERS,
    NOG_NIET_TE_METEN
  }

  /** The status with the counts it came from. */
  public record Outcome(Status status, int onTrack, int offTrack, int notMeasurable) {}

  private AgreementStatus() {}

  public static Outcome of(Collection<TargetStatus.Status> targets) {
    int on = 0;
    int off = 0;
    int none = 0;
    for (TargetStatus.Status s : targets) {
      switch (s) {
        case ON_TRACK -> on++;
        case OFF_TRACK -> off++;
        case NO_DATA -> none++;
      }
    }
    Status status;
    if (on + off == 0) {
      status = Status.NOG_NIET_TE_METEN;
    } else if (off == 0) {
      status = Status.OP_KOERS;
    } else if (off * 2 > on + off) {
      status = Status.NIET_OP_KOERS;
    } else {
      status = Status.AANDACHT;
    }
    return new Outcome(status, on, off, none);
  }
}
