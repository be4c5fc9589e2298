package nl.veerkracht.partner;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
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
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.Organisations;
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
 * The sharing page as a slice: login required, another corporation refused (by the service), the
 * share form for managers only, a buurt code or a complex code sent as what it is, a refusal shown
 * in the reader's language with what was typed kept, a share that is gone said so.
 */
@WebMvcTest(SharePageController.class)
@WebSlice
class SharePageSliceTest {

  static final Membership MANAGER =
      new Membership(1, "CORPA", "Corporatie A", Membership.Role.MANAGER);
  static final Membership VIEWER =
      new Membership(1, "CORPA", "Corporatie A", Membership.Role.VIEWER);

  @Autowired MockMvc mvc;
  @MockitoBean Sharing sharing;
  @MockitoBean Organisations organisations;
  @MockitoBean CurrentUser currentUser;

  @BeforeEach
  void aManagerOfCorporationA() {
    when(sharing.staff("CORPA")).thenReturn(MANAGER);
    when(sharing.staff("CORPB"))
        .thenThrow(
            new ForbiddenException(Text.msg("error.security.notStaffOf", "corporation", "CORPB")));
    when(sharing.list("CORPA")).thenReturn(List.of());
    when(organisations.list())
        .thenReturn(
            List.of(
                new Organisations.Organisation(
                    5, "GEM-BAARN", "Gemeente Baarn", Organisations.Kind.GEMEENTE)));
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/delen").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
  }

  @Test
  void managersGetTheFormViewersDoNotAndAnotherCorporationIsRefused() throws Exception {
    mvc.perform(get("/delen?corporation=CORPA").with(user("ana").roles("STAFF")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Delen met partners: Corporatie A")))
        .andExpect(content().string(Matchers.containsString("id=\"share-form\"")))
        .andExpect(content().string(Matchers.containsString("Gemeente Baarn")));
    when(sharing.staff("CORPA")).thenReturn(VIEWER);
    mvc.perform(get("/delen?corporation=CORPA").with(user("vera").roles("STAFF")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"share-form\""))));
    mvc.perform(get("/delen?corporation=CORPB").with(user("ana").roles("STAFF")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aBuurtCodeIsSharedAsAnAreaAndAnythingElseAsAComplex() throws Exception {
    mvc.perform(
            post("/delen")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("corporation", "CORPA")
                .param("organisation", "GEM-BAARN")
                .param("scope", " bu03080000 "))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/delen?corporation=CORPA&opgeslagen"));
    verify(sharing).share(new ShareRequest("CORPA", "GEM-BAARN", "bu03080000", null));
    mvc.perform(
            post("/delen")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("corporation", "CORPA")
                .param("organisation", "GEM-BAARN")
                .param("scope", "C1"))
        .andExpect(status().is3xxRedirection());
    verify(sharing).share(new ShareRequest("CORPA", "GEM-BAARN", null, "C1"));
  }

  @Test
  void aRefusalIsShownInTheReadersLanguageWithWhatWasTyped() throws Exception {
    doThrow(new InvalidInputException(Text.msg("share.invalid.gone"))).when(sharing).share(any());
    mvc.perform(
            post("/delen?lang=en")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("corporation", "CORPA")
                .param("organisation", "GEM-BAARN")
                .param("scope", "ONBEKEND-7"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("This share does not exist (any more).")))
        .andExpect(content().string(Matchers.containsString("ONBEKEND-7")));
  }

  @Test
  void revokingAShareThatIsGoneSaysSo() throws Exception {
    doThrow(new NotFoundException(Text.msg("share.invalid.gone"))).when(sharing).revoke(99);
    mvc.perform(
            post("/delen/99/intrekken")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("corporation", "CORPA"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Deze deling bestaat niet (meer).")));
    mvc.perform(
            post("/delen/5/intrekken")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("corporation", "CORPB"))
        .andExpect(status().isForbidden());
    verify(sharing, never()).revoke(5);
    verify(sharing, never()).share(any(ShareRequest.class));
  }
}
