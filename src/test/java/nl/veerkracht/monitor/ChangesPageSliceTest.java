package nl.veerkracht.monitor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.support.WebSlice;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The changes page as a slice: login required, another corporation refused (the check is the
 * service's), a date that is no date and a threshold that is no number answered on the page in the
 * reader's language with nothing saved, a good threshold saved and watched at once.
 */
@WebMvcTest(ChangesPageController.class)
@WebSlice
class ChangesPageSliceTest {

  static final Membership ANA = new Membership(1, "CORPA", "Corporatie A", Membership.Role.ANALYST);

  @Autowired MockMvc mvc;
  @MockitoBean Changes changes;
  @MockitoBean SignalThresholds thresholds;
  @MockitoBean SignalWatch watch;
  @MockitoBean CurrentUser currentUser;

  @BeforeEach
  void anaIsStaffOfCorporationA() {
    when(currentUser.memberships()).thenReturn(List.of(ANA));
    when(changes.staff("CORPA")).thenReturn(ANA);
    when(changes.staff("CORPB"))
        .thenThrow(
            new ForbiddenException(Text.msg("error.security.notStaffOf", "corporation", "CORPB")));
    when(changes.forCorporation(anyLong(), any(), anyInt())).thenReturn(List.of());
    when(thresholds.list(anyLong()))
        .thenReturn(
            List.of(
                new SignalThresholds.Threshold(
                    SignalThresholds.TURNOVER, SignalThresholds.DEFAULT_TURNOVER, true)));
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/wijzigingen").accept(MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void staffSeeTheirCorporationsChangesAndNotAnothers() throws Exception {
    mvc.perform(get("/wijzigingen?corporation=CORPA").with(user("ana").roles("STAFF")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Wat is er veranderd: Corporatie A")));
    mvc.perform(get("/wijzigingen?corporation=CORPB").with(user("ana").roles("STAFF")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aDateThatIsNoDateIsAnsweredOnThePageInTheReadersLanguage() throws Exception {
    mvc.perform(
            get("/wijzigingen?corporation=CORPA&since=gisteren").with(user("ana").roles("STAFF")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Kies een datum vanaf 2000.")));
    mvc.perform(
            get("/wijzigingen?corporation=CORPA&since=yesterday&lang=en")
                .with(user("ana").roles("STAFF")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Choose a date from 2000 on.")));
  }

  @Test
  void aThresholdThatIsNoNumberChangesNothing() throws Exception {
    mvc.perform(
            post("/wijzigingen/drempels")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("corporation", "CORPA")
                .param("signalType", SignalThresholds.TURNOVER)
                .param("per100Units", "veel"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "Een drempel is een getal groter dan 0 en hoogstens 10.000")));
    verify(thresholds, never()).set(anyString(), anyString(), any());
    verify(watch, never()).watch(anyLong());
  }

  @Test
  void aGoodThresholdIsSavedAndWatchedAtOnce() throws Exception {
    mvc.perform(
            post("/wijzigingen/drempels")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("corporation", "CORPA")
                .param("signalType", SignalThresholds.TURNOVER)
                .param("per100Units", "8,5"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/wijzigingen?corporation=CORPA&opgeslagen#drempels"));
    verify(thresholds).set("CORPA", SignalThresholds.TURNOVER, 8.5);
    verify(watch).watch(1L);
  }
}
