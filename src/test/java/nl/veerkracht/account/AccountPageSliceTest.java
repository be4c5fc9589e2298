package nl.veerkracht.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.ApiTokens;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.UserAccounts;
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
 * The own-account page as a slice: login required; a wrong current password is answered on the page
 * in the reader's language and nothing is recorded; a changed password is audited; a token without
 * a name keeps what was typed; a new token's secret is shown on that answer only.
 */
@WebMvcTest(AccountPageController.class)
@WebSlice
class AccountPageSliceTest {

  @Autowired MockMvc mvc;
  @MockitoBean ApiTokens tokens;
  @MockitoBean CurrentUser currentUser;
  @MockitoBean UserAccounts accounts;
  @MockitoBean AuditLog audit;

  @BeforeEach
  void anaIsSignedIn() {
    when(currentUser.findUsername()).thenReturn(Optional.of("ana"));
    when(tokens.list())
        .thenReturn(
            List.of(
                new ApiTokens.TokenView(
                    7, "QGIS op kantoor", Instant.parse("2026-11-02T09:30:00Z"), null, false)));
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/mijn-account").accept(MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void thePageListsTheAccountsTokensButNoSecret() throws Exception {
    mvc.perform(get("/mijn-account").with(user("ana").roles("STAFF")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("QGIS op kantoor")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("token-secret"))));
  }

  @Test
  void aWrongCurrentPasswordChangesNothingAndSaysSoInTheReadersLanguage() throws Exception {
    doThrow(new InvalidInputException(Text.msg("account.password.wrong")))
        .when(accounts)
        .changeOwnPassword(eq("ana"), anyString(), anyString(), anyString());
    for (String[] lang :
        List.of(
            new String[] {"nl", "Het huidige wachtwoord klopt niet; er is niets gewijzigd."},
            new String[] {"en", "The current password is not right; nothing was changed."})) {
      mvc.perform(
              post("/mijn-account/wachtwoord?lang=" + lang[0])
                  .with(user("ana").roles("STAFF"))
                  .with(csrf())
                  .param("current", "fout")
                  .param("chosen", "een-nieuw-wachtwoord")
                  .param("repeated", "een-nieuw-wachtwoord"))
          .andExpect(status().isOk())
          .andExpect(content().string(Matchers.containsString(lang[1])));
    }
    verify(audit, never()).record(anyString(), any(), anyString(), any());
  }

  @Test
  void aChangedPasswordIsAudited() throws Exception {
    mvc.perform(
            post("/mijn-account/wachtwoord")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("current", "het-oude-wachtwoord")
                .param("chosen", "een-nieuw-wachtwoord")
                .param("repeated", "een-nieuw-wachtwoord"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/mijn-account"));
    verify(accounts)
        .changeOwnPassword(
            "ana", "het-oude-wachtwoord", "een-nieuw-wachtwoord", "een-nieuw-wachtwoord");
    verify(audit).record(eq("account.password"), any(), eq("ana"), any());
  }

  @Test
  void aTokenWithoutANameIsRefusedAndWhatWasTypedStays() throws Exception {
    when(tokens.create("  ")).thenThrow(new InvalidInputException(Text.msg("token.invalid.name")));
    mvc.perform(
            post("/mijn-account/tokens")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("name", "  "))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(Matchers.containsString("Geef het token een naam (1 tot 100 tekens)")));
  }

  @Test
  void aNewTokensSecretIsShownOnItsAnswerOnly() throws Exception {
    when(tokens.create("ArcGIS"))
        .thenReturn(new ApiTokens.Created(8, "ArcGIS", "vkt_geheim-eenmalig"));
    mvc.perform(
            post("/mijn-account/tokens")
                .with(user("ana").roles("STAFF"))
                .with(csrf())
                .param("name", "ArcGIS"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("vkt_geheim-eenmalig")));
    mvc.perform(get("/mijn-account").with(user("ana").roles("STAFF")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("vkt_geheim-eenmalig"))));
  }
}
