package nl.veerkracht.imports.read;

import java.io.IOException;

/** A reader for one file format. Implementations are stateless. */
public interface FormatReader {

  /** The kind name users give with {@code --kind}. */
  String kind();

  /** Whether this reader knows the file; looks only at the sniffed name, header or JSON. */
  boolean recognises(Sniff sniff) throws IOException;

  /** Reads the file into the sink; problems go to the sink as rejections. */
  void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException;

  /** Where data of this format comes from, for provenance; {@code {year}} is filled in. */
  Provenance provenance();

  /**
   * Source and credit of imported data.
   *
   * @param attribution the credit shown with the data ("Bron: CBS")
   */
  record Provenance(String source, String attribution, String licence) {
    public static final Provenance CBS_KWB =
        new Provenance("CBS Kerncijfers wijken en buurten {year}", "Bron: CBS", "CC BY 4.0");
    public static final Provenance CBS_GEOMETRY =
        new Provenance(
            "CBS/Kadaster Wijk- en buurtkaart {year}",
            "Kadaster / Centraal Bureau voor de Statistiek, {year}",
            "CC BY 4.0");
    public static final Provenance LEEFBAAROMETER =
        new Provenance(
            "Leefbaarometer (Ministerie van BZK)",
            "Bron: Leefbaarometer, Ministerie van BZK",
            "open data, data.overheid.nl");

    public Provenance withYear(Integer year) {
      String y = year == null ? "" : year.toString();
      return new Provenance(
          source.replace("{year}", y).strip(),
          attribution.replace("{year}", y).replaceAll(",\\s*$", "").strip(),
          licence);
    }
  }
}
