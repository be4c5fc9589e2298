package nl.veerkracht.atelier;

import nl.veerkracht.security.Membership;

/** Who asks about an atelier: a staff member of its corporation, or a participant with a token. */
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

  default boolean isModerator() {
    return this instanceof Staff s && s.moderator();
  }
}
