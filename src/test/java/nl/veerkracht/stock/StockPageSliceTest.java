package nl.veerkracht.stock;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
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
 * The stock pages as a slice: login required, other corporations refused, unknown complexes 404.
 */
@WebMvcTest(StockPageController.class)
@WebSlice
@org.springframework.context.annotation.Import({OwnStock.class, nl.veerkracht.area.AreaNames.class})
class StockPageSliceTest {

  static final Membership ANA = new Membership(1, "CORPA", "Corporatie A", Membership.Role.ANALYST);

  @Autowired MockMvc mvc;
  @MockitoBean StockRepository stock;
  @MockitoBean CurrentUser currentUser;
  @MockitoBean CorporationRepository corporations;
  @MockitoBean nl.veerkracht.area.AreaRepository areas;

  @BeforeEach
  void anaIsStaffOfCorporationA() {
    when(currentUser.findUsername()).thenReturn(Optional.of("ana"));
    when(currentUser.memberships()).thenReturn(List.of(ANA));
    when(currentUser.findDefaultMembership()).thenReturn(Optional.of(ANA));
    when(currentUser.requireStaff("CORPA")).thenReturn(ANA);
    when(currentUser.requireStaff("CORPB"))
        .thenThrow(new ForbiddenException("You are not staff of corporation CORPB."));
    when(corporations.findById(1L))
        .thenReturn(Optional.of(new Corporation(1, "CORPA", "Corporatie A", false, "OND")));
    when(stock.cluster(anyLong(), anyString(), anyString())).thenReturn(Optional.empty());
    when(stock.clusters(anyLong(), any())).thenReturn(List.of());
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/voorraad").accept(MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/voorraad/OND/C1?corporation=CORPA").accept(MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void staffSeeTheirOwnStockAndNotAnotherCorporations() throws Exception {
    mvc.perform(get("/voorraad?corporation=CORPA").with(user("ana").roles("STAFF")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Corporatie A")));
    mvc.perform(get("/voorraad?corporation=CORPB").with(user("ana").roles("STAFF")))
        .andExpect(status().isForbidden());
  }

  @Test
  void anUnknownComplexIsNotFound() throws Exception {
    mvc.perform(get("/voorraad/OND/NOPE?corporation=CORPA").with(user("ana").roles("STAFF")))
        .andExpect(status().isNotFound());
  }

  @Test
  void theEnglishPageIsInEnglish() throws Exception {
    mvc.perform(get("/voorraad?corporation=CORPA&lang=en").with(user("ana").roles("STAFF")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("lang=\"en\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("Uitloggen"))));
  }
}
