package nl.veerkracht.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.analysis.domain.PeerGroups;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.profile.ProfileService;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.statistics.ObservationRepository;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.Observation;
import nl.veerkracht.statistics.domain.ObservationStatus;
import nl.veerkracht.support.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The area page as a slice: the controller and the profile assembly with the repositories mocked.
 * Pins down the default year, the fallback to the newest division that holds the area, 404 for
 * unknown codes and class names in the reader's language.
 */
@WebMvcTest(AreaPageController.class)
@WebSlice
@Import({AreaProfileService.class, LeefbaarometerCharts.class, AreaOutlines.class})
class AreaPageSliceTest {

  static final AreaCode CENTRUM = AreaCode.of("BU03080000");

  @Autowired MockMvc mvc;
  @MockitoBean AreaRepository areas;
  @MockitoBean ObservationRepository observations;
  @MockitoBean StatisticsCatalogue catalogue;
  @MockitoBean AnalysisService analysis;
  @MockitoBean ProfileService profiles;
  @MockitoBean CurrentUser currentUser;
  @MockitoBean MapGeometryRepository geometries;

  @BeforeEach
  void centrumWithAClassAndAFigure() {
    when(currentUser.findUsername()).thenReturn(Optional.empty());
    when(currentUser.findDefaultMembership()).thenReturn(Optional.empty());
    when(analysis.peers()).thenReturn(PeerGroups.empty());
    Area area2024 =
        new Area(CENTRUM, "Centrum", AreaLevel.BUURT, 2024, AreaCode.of("WK030800"), true);
    when(areas.find(eq(CENTRUM), anyInt())).thenReturn(Optional.empty());
    when(areas.find(CENTRUM, 2024)).thenReturn(Optional.of(area2024));
    when(areas.findLatestYear(CENTRUM)).thenReturn(Optional.of(2024));
    when(areas.names(any())).thenReturn(Map.of("GM0308", "Baarn"));
    when(observations.years("BU03080000")).thenReturn(List.of(2024, 2022));
    when(observations.defaultYear("BU03080000")).thenReturn(Optional.of(2022));
    when(observations.listForArea(eq("BU03080000"), anyInt()))
        .thenAnswer(
            i ->
                List.of(
                    new Observation(
                        "BU03080000",
                        i.getArgument(1),
                        "inhabitants",
                        3000.0,
                        ObservationStatus.OK,
                        null,
                        "CBS Kerncijfers wijken en buurten",
                        "Bron: CBS",
                        null,
                        null)));
    when(observations.latestUpTo(eq("BU03080000"), anyInt(), any()))
        .thenReturn(
            List.of(
                new Observation(
                    "BU03080000",
                    2024,
                    "lbm_class",
                    7.0,
                    ObservationStatus.OK,
                    null,
                    "Veerkracht (afgeleid)",
                    null,
                    "Gepubliceerde klasse 7 (goed).",
                    "Published class 7 (good).")));
    when(catalogue.find(anyString())).thenReturn(Optional.empty());
    when(catalogue.find("inhabitants"))
        .thenReturn(
            Optional.of(
                new Indicator(
                    "inhabitants",
                    "Inwoners",
                    "Inhabitants",
                    "",
                    "CBS",
                    null,
                    "population",
                    0,
                    null,
                    "catalogue")));
    when(catalogue.find("lbm_class"))
        .thenReturn(
            Optional.of(
                new Indicator(
                    "lbm_class",
                    "Leefbaarometer-klasse",
                    "Leefbaarometer class",
                    "klasse 1-9",
                    "Veerkracht",
                    false,
                    "livability",
                    0,
                    null,
                    "derived")));
  }

  @Test
  void withoutAYearTheAreaShowsItsDefaultYear() throws Exception {
    String html =
        mvc.perform(get("/gebied/BU03080000"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("value=\"2022\" selected").contains("Centrum");
  }

  @Test
  void aYearWhoseDivisionLacksTheAreaFallsBackToTheNewestDivision() throws Exception {
    String html =
        mvc.perform(get("/gebied/BU03080000?year=2019"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Centrum").contains("Cijfers 2019");
  }

  @Test
  void unknownOrMalformedCodesAnswer404() throws Exception {
    mvc.perform(get("/gebied/BU99999999")).andExpect(status().isNotFound());
    mvc.perform(get("/gebied/BU123")).andExpect(status().isNotFound());
  }

  @Test
  void theEnglishProfileNamesClassesInEnglishOnly() throws Exception {
    String html =
        mvc.perform(get("/gebied/BU03080000?lang=en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("7 (good)").contains("Published class 7 (good).");
    for (int c = 1; c <= 9; c++) {
      String dutch = nl.veerkracht.common.Text.msg("lbm.class." + c).nl();
      assertThat(html).doesNotContainPattern("\\b" + dutch + "\\b");
    }
  }

  @Test
  void theDutchProfileNamesClassesInDutch() throws Exception {
    String html =
        mvc.perform(get("/gebied/BU03080000?lang=nl"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("7 (goed)");
  }
}
