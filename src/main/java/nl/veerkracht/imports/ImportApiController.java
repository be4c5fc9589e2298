package nl.veerkracht.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.imports.read.ColumnMapping;
import nl.veerkracht.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports over HTTP (contract: {@code POST /api/imports}) and saved column mappings. */
@RestController
@Tag(name = "Imports")
public class ImportApiController {

  private final ImportService imports;
  private final Uploads uploads;
  private final CurrentUser currentUser;
  private final ColumnMappings mappings;
  private final ImportUndo undo;

  public ImportApiController(
      ImportService imports,
      Uploads uploads,
      CurrentUser currentUser,
      ColumnMappings mappings,
      ImportUndo undo) {
    this.imports = imports;
    this.uploads = uploads;
    this.currentUser = currentUser;
    this.mappings = mappings;
    this.undo = undo;
  }

  @PostMapping("/api/imports/{id}/undo")
  @Operation(
      summary = "Undo an import of figures (whoever ran it, or an administrator)",
      description =
          "Removes its figures and restores those it replaced, in one transaction; 409 when a"
              + " later import changed the same figures, when it was undone already, or for"
              + " imports of boundaries or own stock.")
  public ImportUndo.Undone undo(@org.springframework.web.bind.annotation.PathVariable long id) {
    return undo.undo(id);
  }

  @PostMapping(value = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import a file; 200 with the report, 422 with the report when rejected (nothing written)")
  public ResponseEntity<ImportReport> importFile(
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String mapping,
      @RequestParam(required = false, defaultValue = "false") boolean repair) {
    ImportRequest request = uploads.request(file, kind, year, corporation, mapping, repair);
    try {
      ImportReport report = imports.run(request, ImportService.Progress.NONE);
      return ResponseEntity.status(
              report.rejected() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
          .body(report);
    } finally {
      uploads.discard(request);
    }
  }

  @GetMapping("/api/mappings")
  @Operation(summary = "Saved column mappings you may use")
  public List<ColumnMappings.Saved> listMappings(
      @RequestParam(required = false) String corporation) {
    return mappings.list(mappings.readableBy(corporation));
  }

  @PostMapping("/api/mappings")
  @Operation(summary = "Save a column mapping (shared, or for one corporation)")
  public ResponseEntity<ColumnMapping> saveMapping(
      @RequestBody String definition, @RequestParam(required = false) String corporation) {
    Long corporationId = mappings.writableBy(corporation);
    try {
      ColumnMapping mapping = ColumnMapping.parse(definition);
      mappings.save(
          mapping,
          corporationId,
          currentUser.findUsername().orElse("?"),
          currentUser.isAdministrator());
      return ResponseEntity.status(HttpStatus.CREATED).body(mapping);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }
}
