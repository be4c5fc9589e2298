package nl.veerkracht.agreement;

import java.util.List;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;

/** The /afspraken page: the corporation's agreements and, for planners, the form for a new one. */
public record AgreementPagesView(
    Membership corporation,
    List<AgreementService.Assessed> agreements,
    AgreementForm form,
    Text notice) {}
