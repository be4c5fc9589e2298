package nl.veerkracht.agreement.domain;

import static nl.veerkracht.monitor.domain.TargetStatus.Status.NO_DATA;
import static nl.veerkracht.monitor.domain.TargetStatus.Status.OFF_TRACK;
import static nl.veerkracht.monitor.domain.TargetStatus.Status.ON_TRACK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.veerkracht.agreement.domain.AgreementStatus.Status;
import org.junit.jupiter.api.Test;

class AgreementStatusTest {

  @Test
  void theStatedRule() {
    assertThat(AgreementStatus.of(List.of()).status()).isEqualTo(Status.NOG_NIET_TE_METEN);
    assertThat(AgreementStatus.of(List.of(NO_DATA, NO_DATA)).status())
        .isEqualTo(Status.NOG_NIET_TE_METEN);
    assertThat(AgreementStatus.of(List.of(ON_TRACK, NO_DATA)).status()).isEqualTo(Status.OP_KOERS);
    assertThat(AgreementStatus.of(List.of(ON_TRACK, OFF_TRACK)).status())
        .isEqualTo(Status.AANDACHT);
    assertThat(AgreementStatus.of(List.of(ON_TRACK, ON_TRACK, OFF_TRACK)).status())
        .isEqualTo(Status.AANDACHT);
    assertThat(AgreementStatus.of(List.of(ON_TRACK, OFF_TRACK, OFF_TRACK)).status())
        .isEqualTo(Status.NIET_OP_KOERS);
    assertThat(AgreementStatus.of(List.of(OFF_TRACK, NO_DATA)).status())
        .isEqualTo(Status.NIET_OP_KOERS);
    AgreementStatus.Outcome o = AgreementStatus.of(List.of(ON_TRACK, OFF_TRACK, NO_DATA));
    assertThat(o.onTrack()).isEqualTo(1);
    assertThat(o.offTrack()).isEqualTo(1);
    assertThat(o.notMeasurable()).isEqualTo(1);
  }
}
