package nl.veerkracht.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.support.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The complex profile page and API as a slice: 401 without login, 403 for another corporation, 400
 * for an unknown audience, the note and class names in the reader's language.
 */
@WebMvcTest({ProfilePageController.class, ProfileApiController.class})
@WebSlice
@Import(ProfileViews.class)
class ProfileSliceTest {

  static final Membership ANA = new Membership(1, "CORPA", "Corporatie A", Membership.Role.ANALYST);

  @Autowired MockMvc mvc;
  @MockitoBean ProfileService profiles;
  @MockitoBean CurrentUser currentUser;
  @MockitoBean StatisticsCatalogue catalogue;

  @BeforeEach
  void aComplexOfCorporationA() {
    when(currentUser.findUsername()).thenReturn(Optional.of("ana"));
    when(currentUser.memberships()).thenReturn(List.of(ANA));
    when(currentUser.requireStaff("CORPA")).thenReturn(ANA);
    when(currentUser.requireStaff("CORPB"))
        .thenThrow(new ForbiddenException("You are not staff of corporation CORPB."));
    when(catalogue.find(anyString())).thenReturn(Optional.empty());
    when(profiles.defaultType(any())).thenReturn("OND");
    for (Audience a : Audience.values()) {
      when(profiles.complex(eq(ANA), eq("OND"), eq("C1"), eq(a), any())).thenReturn(profile(a));
    }
  }

  static ComplexProfile profile(Audience a) {
    AudiencePolicy policy = AudiencePolicy.of(a);
    ComplexProfile.FigureView lbm =
        new ComplexProfile.FigureView(
            7.0, "ok", 2024, policy.count(16), policy.count(16), Text.plain("…"), null, null, null);
    return new ComplexProfile(
        "CORPA",
        new ComplexProfile.ComplexRef("C1", "Complex X", "OND", policy.count(16)),
        a.id(),
        2024,
        List.of(new ComplexProfile.BuurtView("BU03080000", "Centrum", policy.count(12))),
        Map.of("lbm_class", lbm),
        new ComplexProfile.Plan(2026, 2030, null, List.of()),
        new ComplexProfile.Rents(null, null, null, null, null, 2026, List.of(), Text.plain("")),
        List.of(),
        List.of(),
        List.of(),
        policy.note());
  }

  @Test
  void withoutLoginTheApiAnswers401AndThePageAsksToLogIn() throws Exception {
    mvc.perform(get("/api/complexes/C1/profile?corporation=CORPA"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/voorraad/OND/C1/profiel?corporation=CORPA").accept(MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void anotherCorporationsStaffAreRefused() throws Exception {
    mvc.perform(get("/api/complexes/C1/profile?corporation=CORPB").with(user("ana").roles("STAFF")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/voorraad/OND/C1/profiel?corporation=CORPB").with(user("ana").roles("STAFF")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/voorraad/OND/C1/profiel.pdf?corporation=CORPB").with(user("ana").roles("STAFF")))
        .andExpect(status().isForbidden());
  }

  @Test
  void anUnknownAudienceIsABadRequest() throws Exception {
    mvc.perform(
            get("/api/complexes/C1/profile?corporation=CORPA&audience=buurman")
                .with(user("ana").roles("STAFF")))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/voorraad/OND/C1/profiel?corporation=CORPA&audience=buurman")
                .with(user("ana").roles("STAFF")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theEnglishPageSpeaksEnglish() throws Exception {
    String html =
        mvc.perform(
                get("/voorraad/OND/C1/profiel?corporation=CORPA&lang=en")
                    .with(user("ana").roles("STAFF")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("7 (good)", "Staff view")
        .doesNotContain("goed", "Medewerkersweergave");
  }

  @Test
  void theResidentViewSaysSo() throws Exception {
    String html =
        mvc.perform(
                get("/voorraad/OND/C1/profiel?corporation=CORPA&audience=resident")
                    .with(user("ana").roles("STAFF")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Bewonersweergave");
  }
}
