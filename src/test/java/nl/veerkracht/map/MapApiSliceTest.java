package nl.veerkracht.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.support.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The map API as a slice: parameters checked, ETags honoured, exports in the reader's language. */
@WebMvcTest(MapApiController.class)
@WebSlice
class MapApiSliceTest {

  static final String DOC =
      """
      {"type":"FeatureCollection","level":"buurt","year":2023,"geometryYear":2024,
       "indicator":{"id":"pct_low_income_households","label":"Lage inkomens","unit":"%","source":"CBS"},
       "attribution":["Kadaster / Centraal Bureau voor de Statistiek, 2024","Bron: CBS"],
       "features":[{"type":"Feature","id":"BU03080000","properties":{"code":"BU03080000","name":"Centrum",
       "value":4.3,"status":"ok","reason":null,"class":2},"geometry":null},
       {"type":"Feature","id":"BU03080001","properties":{"code":"BU03080001","name":"Noord",
       "value":null,"status":"secret","reason":"fewer than 10","class":null},"geometry":null}]}""";

  @Autowired MockMvc mvc;
  @MockitoBean MapService maps;
  @MockitoBean CurrentUser currentUser;

  @BeforeEach
  void aBuurtMapOfBaarn() {
    when(currentUser.findUsername()).thenReturn(Optional.empty());
    when(maps.map(
            eq(AreaLevel.BUURT),
            any(),
            any(),
            any(),
            eq("pct_low_income_households"),
            any(),
            any()))
        .thenReturn(new MapService.MapDocument(DOC, "W/\"abc\"", 2));
    when(maps.map(eq(AreaLevel.BUURT), any(), any(), any(), eq("no_such"), any(), any()))
        .thenThrow(new NotFoundException("No indicator no_such"));
  }

  @Test
  void answersGeoJsonWithAnEtagAndNotModifiedWhenItMatches() throws Exception {
    mvc.perform(get("/api/map/buurt.geojson?indicator=pct_low_income_households"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "W/\"abc\""))
        .andExpect(content().contentTypeCompatibleWith("application/geo+json"));
    mvc.perform(
            get("/api/map/buurt.geojson?indicator=pct_low_income_households")
                .header("If-None-Match", "W/\"abc\""))
        .andExpect(status().isNotModified());
  }

  @Test
  void sendsTheStoredGzipToClientsThatAcceptItAndPlainJsonToOthers() throws Exception {
    byte[] zipped =
        mvc.perform(
                get("/api/map/buurt.geojson?indicator=pct_low_income_households")
                    .header("Accept-Encoding", "gzip, deflate"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Encoding", "gzip"))
            .andExpect(header().string("Vary", "Accept-Encoding"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped))) {
      assertEquals(DOC, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    mvc.perform(get("/api/map/buurt.geojson?indicator=pct_low_income_households"))
        .andExpect(header().doesNotExist("Content-Encoding"))
        .andExpect(content().string(DOC));
  }

  @Test
  void refusesUnknownLevelsCodesAndIndicators() throws Exception {
    mvc.perform(get("/api/map/land.geojson")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/map/straat.geojson")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/map/buurt.geojson?within=GM12")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/map/buurt.geojson?detail=fine")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/map/buurt.geojson?indicator=no_such")).andExpect(status().isNotFound());
    mvc.perform(get("/api/map/buurt.csv")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/map/buurt.geojson?bbox=5,52,4,53")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/map/buurt.geojson?bbox=5,52,5.5")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/map/buurt.geojson?bbox=3,50,8,54")).andExpect(status().isBadRequest());
  }

  @Test
  void refusalsAnswerInTheLanguageAsked() throws Exception {
    mvc.perform(get("/api/map/buurt.geojson?bbox=3,50,8,54").header("Accept-Language", "nl"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "bbox beslaat hoogstens 2 graden; vraag de hele kaart zonder bbox")));
    mvc.perform(get("/api/map/buurt.geojson?bbox=3,50,8,54").header("Accept-Language", "en"))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "bbox spans at most 2 degrees; ask the whole map without bbox")));
    mvc.perform(get("/api/map/buurt.geojson?within=GM12").header("Accept-Language", "nl"))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.containsString("'GM12' is geen CBS-gebiedscode")));
  }

  @Test
  void csvInDutchUsesSemicolonsDecimalCommasAndDutchWords() throws Exception {
    mvc.perform(get("/api/map/buurt.csv?indicator=pct_low_income_households&lang=nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("naam")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString(";4,3;")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Bronnen: ")));
  }

  @Test
  void csvInEnglishUsesCommasAndEnglishWordsOnly() throws Exception {
    mvc.perform(get("/api/map/buurt.csv?indicator=pct_low_income_households&lang=en"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString(",4.3,")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Sources: ")))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("naam"))))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Bronnen"))));
  }
}
