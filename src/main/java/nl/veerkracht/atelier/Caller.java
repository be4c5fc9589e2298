package nl.veerkracht.atelier;

import nl.veerkracht.security.Membership;

/**
 * Who asks about an atelier: a staff member of its corporation, a participant with a token, or a
 * partner of an organisation the corporation shared the atelier's area with (reads the results as
 * the room sees them).
 */
public sealed interface Caller {

  /** A logged-in staff member of the atelier's corporation. */
  record Staff(Membership membership, String username) implements Caller {
    /** Facilitators and analysts prepare, moderate and close ateliers. */
    public boolean moderator() {
      return membership.role() == Membership.Role.FACILITATOR
          || membership.role() == Membership.Role.ANALYST;
    }
  }

  /** Someone who joined by code; their token is valid for this atelier only. */
  record Participant(long id, long atelierId, String displayName, String groupKind)
      implements Caller {}

  /** A partner account whose organisation the atelier's area or complex was shared with. */
  record Partner(String username, String organisation) implements Caller {}

  default boolean isModerator() {
    return this instanceof Staff s && s.moderator();
  }
}
