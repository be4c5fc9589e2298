package nl.veerkracht.imports;

import java.util.List;
import nl.veerkracht.security.Membership;

/** What the upload form offers. */
public record FormView(
    List<String> kinds,
    List<ColumnMappings.Saved> mappings,
    List<Membership> corporations,
    String resumeJob,
    long maxUploadBytes,
    boolean publicData) {}
