package nl.veerkracht.imports;

import java.util.List;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.domain.Indicator;

/** The editor. */
public record EditorView(
    String job,
    String fileName,
    String suggestedName,
    String delimiter,
    List<ColumnView> columns,
    List<Indicator> indicators,
    List<Membership> corporations) {}
