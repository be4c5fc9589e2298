package nl.veerkracht.partner;

import java.util.List;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.Organisations;

/** The /delen page: what the corporation shares, and (for managers) the form to share more. */
public record SharingView(
    Membership corporation,
    List<PartnerShareRepository.Share> shares,
    List<Organisations.Organisation> organisations,
    String complex,
    String area,
    Text error,
    boolean manager) {}
