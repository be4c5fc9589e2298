package nl.veerkracht.partner;

import nl.veerkracht.plan.PlanService;

/** A shared beheerplan version as a partner reads it, with how to ask for another version. */
public record PartnerPlanView(PlanService.Approved plan, String corporation, String query) {}
