package nl.veerkracht.atelier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.common.Text;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * An atelier's record as a workbook: the pins, the answers per figure card, the ranking per problem
 * area and the votes per measure, in the reader's language.
 */
@Component
public class AtelierXlsx {

  private final AtelierExports exports;
  private final AtelierViews views;
  private final FigureCards figureCards;
  private final RoomRepository roomRepository;
  private final nl.veerkracht.area.AreaRepository areas;

  public AtelierXlsx(
      AtelierExports exports,
      AtelierViews views,
      FigureCards figureCards,
      RoomRepository roomRepository,
      nl.veerkracht.area.AreaRepository areas) {
    this.areas = areas;
    this.exports = exports;
    this.views = views;
    this.figureCards = figureCards;
    this.roomRepository = roomRepository;
  }

  public byte[] xlsx(Atelier a, Caller caller, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      pinSheet(wb, a, locale);
      answerSheet(wb, a, caller, locale);
      rankingSheet(wb, a, caller, locale);
      voteSheet(wb, a, locale);
      for (Sheet s : wb) {
        for (int c = 0; c < 10; c++) {
          s.setColumnWidth(c, (c == 3 ? 50 : 20) * 256);
        }
        s.createFreezePane(0, 1);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void pinSheet(XSSFWorkbook wb, Atelier a, Locale locale) {
    Sheet pins = wb.createSheet(t(locale, "atelier.sheet.pins"));
    row(
        pins,
        0,
        t(locale, "atelier.col.number"),
        t(locale, "atelier.col.category"),
        t(locale, "atelier.col.theme"),
        t(locale, "atelier.col.text"),
        t(locale, "atelier.col.buurt"),
        t(locale, "atelier.col.buurtCode"),
        t(locale, "atelier.col.year"),
        t(locale, "atelier.col.complex"),
        t(locale, "atelier.col.lat"),
        t(locale, "atelier.col.lon"));
    List<PinRepository.Pin> record = exports.recordPins(a);
    Map<String, String> names =
        areas.names(
            record.stream().map(PinRepository.Pin::buurtCode).filter(c -> c != null).toList());
    int r = 1;
    for (PinRepository.Pin p : record) {
      boolean at = AtelierExports.placed(a, p);
      row(
          pins,
          r,
          r,
          AtelierExports.label(locale, "atelier.category.", p.category()),
          p.theme() == null ? "" : AtelierExports.label(locale, "atelier.theme.", p.theme()),
          p.shownBody(),
          p.buurtCode() == null ? "" : names.getOrDefault(p.buurtCode(), p.buurtCode()),
          p.buurtCode(),
          p.buurtYear(),
          a.residents() ? "" : p.complexCode(),
          at ? AtelierExports.round(p.lat()) : t(locale, "atelier.nearHome.short"),
          at ? AtelierExports.round(p.lon()) : "");
      r++;
    }
  }

  private void answerSheet(XSSFWorkbook wb, Atelier a, Caller caller, Locale locale) {
    int r;
    Sheet answers = wb.createSheet(t(locale, "atelier.sheet.answers"));
    row(
        answers,
        0,
        t(locale, "atelier.col.card"),
        t(locale, "atelier.answer.RECOGNISED"),
        t(locale, "atelier.answer.NOT_RECOGNISED"),
        t(locale, "atelier.answer.DONT_KNOW"),
        t(locale, "atelier.col.remarks"));
    r = 1;
    Map<String, FigureCards.Card> cards = cardsById(a);
    for (AtelierViews.CardAnswers c : views.answers(a, caller)) {
      row(
          answers,
          r++,
          cards.containsKey(c.card()) ? cards.get(c.card()).title().in(locale) : c.card(),
          c.counts().get("RECOGNISED"),
          c.counts().get("NOT_RECOGNISED"),
          c.counts().get("DONT_KNOW"),
          String.join(" | ", c.remarks()));
    }
  }

  private void rankingSheet(XSSFWorkbook wb, Atelier a, Caller caller, Locale locale) {
    int r;
    Sheet ranking = wb.createSheet(t(locale, "atelier.sheet.ranking"));
    row(
        ranking,
        0,
        t(locale, "atelier.col.problemArea"),
        t(locale, "atelier.col.rank"),
        t(locale, "atelier.col.measure"),
        t(locale, "atelier.col.lever"),
        t(locale, "atelier.col.votes"));
    r = 1;
    for (AtelierViews.AreaView pa : views.problemAreas(a, caller, AtelierViews.Lens.STAFF)) {
      for (AtelierViews.MeasureView m : pa.measures()) {
        row(
            ranking,
            r++,
            pa.name(),
            m.rank(),
            m.title(),
            t(locale, "atelier.lever." + m.lever()),
            m.votes());
      }
    }
  }

  private void voteSheet(XSSFWorkbook wb, Atelier a, Locale locale) {
    int r;
    Sheet votes = wb.createSheet(t(locale, "atelier.sheet.votes"));
    row(votes, 0, t(locale, "atelier.col.measure"), t(locale, "atelier.col.votes"));
    r = 1;
    Map<Long, String> titles = new LinkedHashMap<>();
    roomRepository.measures(a.id()).forEach(m -> titles.put(m.id(), m.title()));
    Map<Long, Integer> perMeasure = new LinkedHashMap<>();
    for (RoomRepository.Vote v : roomRepository.votes(a.id())) {
      perMeasure.merge(v.measureId(), v.votes(), Integer::sum);
    }
    for (Map.Entry<Long, Integer> e : perMeasure.entrySet()) {
      row(votes, r++, titles.get(e.getKey()), e.getValue());
    }
  }

  private static void row(Sheet sheet, int index, Object... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Number n) {
        row.createCell(i).setCellValue(n.doubleValue());
      } else if (v != null) {
        row.createCell(i).setCellValue(v.toString());
      }
    }
  }

  private Map<String, FigureCards.Card> cardsById(Atelier a) {
    Map<String, FigureCards.Card> out = new LinkedHashMap<>();
    figureCards.cards(a).forEach(c -> out.put(c.id(), c));
    return out;
  }

  private static String t(Locale locale, String key, Object... args) {
    return Text.msg(key, args).in(locale);
  }
}
