package nl.veerkracht.agreement;

import nl.veerkracht.common.Text;

/**
 * One agreement's page: what was agreed, its status and the targets it rests on, what was done, the
 * evaluation downloads, and for planners the form to change it (null for everyone else).
 */
public record AgreementPageView(
    AgreementService.Evaluation evaluation, AgreementForm form, boolean partner, Text notice) {

  public Agreement agreement() {
    return evaluation.assessed().agreement();
  }
}
