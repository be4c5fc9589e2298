package nl.veerkracht.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.corporation.Corporation;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.imports.ImportReport;
import nl.veerkracht.imports.ImportRequest;
import nl.veerkracht.imports.ImportService;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.UserAccounts;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates the synthetic demo corporation {@code DEMO} and imports its generated stock through the
 * normal import pipeline. Units per Baarn buurt = CBS dwellings of the buurt (2020) × CBS share of
 * corporation homes in gemeente Baarn (2022), rounded; the administrators become its analysts.
 */
@Component
public class DemoStockLoader {

  public static final String CODE = "DEMO";
  static final String NAME = "Woonstichting Voorbeeld (synthetische demo)";
  private static final Logger log = LoggerFactory.getLogger(DemoStockLoader.class);

  private final JdbcClient jdbc;
  private final CorporationRepository corporations;
  private final UserAccounts accounts;
  private final ImportService imports;
  private final VeerkrachtProperties properties;

  public DemoStockLoader(
      JdbcClient jdbc,
      CorporationRepository corporations,
      UserAccounts accounts,
      ImportService imports,
      VeerkrachtProperties properties) {
    this.jdbc = jdbc;
    this.corporations = corporations;
    this.accounts = accounts;
    this.imports = imports;
    this.properties = properties;
  }

  /** Creates DEMO (when absent) and imports its stock; returns the import reports. */
  public List<ImportReport> load() {
    Corporation demo =
        corporations.findByCode(CODE).orElseGet(() -> corporations.create(CODE, NAME, true));
    accounts.grantAdministrators(demo.id(), Membership.Role.ANALYST);
    List<DemoStockGenerator.BuurtInput> buurten = buurten();
    if (buurten.isEmpty()) {
      log.warn("No Baarn buurten with dwellings held; the demo corporation gets no stock");
      return List.of();
    }
    Path folder = properties.home().resolve("uploads/demo/stock");
    DemoStockGenerator.Files5 files = DemoStockGenerator.generate(buurten, folder, 2026);
    List<ImportReport> reports = new ArrayList<>();
    for (Path file : files.all()) {
      ImportReport report =
          imports.run(
              new ImportRequest(
                  List.of(new ImportRequest.NamedFile(file.getFileName().toString(), file)),
                  null,
                  null,
                  demo.id(),
                  null,
                  "demo",
                  false),
              ImportService.Progress.NONE);
      if (report.rejected()) {
        log.error("Demo stock file {} was rejected:\n{}", file.getFileName(), report.toText());
      }
      reports.add(report);
    }
    return reports;
  }

  /**
   * Baarn's buurten of 2024 with their boundary, CBS dwellings (2020) and the gemeente's
   * corporation share (2022).
   */
  List<DemoStockGenerator.BuurtInput> buurten() {
    Double share =
        jdbc.sql(
                "SELECT value FROM observation WHERE area_code = 'GM0308' AND year = 2022"
                    + " AND indicator_id = 'pct_corporation_rent' AND status = 'ok'")
            .query(Double.class)
            .optional()
            .orElse(null);
    if (share == null) {
      return List.of();
    }
    WKBReader reader = new WKBReader();
    return jdbc
        .sql(
            """
            SELECT a.code, a.name, a.geom, o.value, a.attributes->>'meest_voorkomende_postcode'
              FROM area a JOIN observation o ON o.area_code = a.code AND o.year = 2020 AND o.indicator_id = 'dwellings'
             WHERE a.year = 2024 AND a.level = 'buurt' AND a.gemeente_code = 'GM0308' AND a.geom IS NOT NULL
               AND o.status = 'ok'
             ORDER BY a.code""")
        .query(
            (rs, n) -> {
              try {
                int units = (int) Math.round(rs.getDouble(4) * share / 100.0);
                return new DemoStockGenerator.BuurtInput(
                    rs.getString(1),
                    rs.getString(2),
                    reader.read(rs.getBytes(3)),
                    units,
                    rs.getString(5));
              } catch (ParseException e) {
                throw new IllegalStateException(e);
              }
            })
        .list()
        .stream()
        .filter(b -> b.units() > 0)
        .toList();
  }
}
