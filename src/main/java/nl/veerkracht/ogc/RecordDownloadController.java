package nl.veerkracht.ogc;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An atelier's record as a GeoPackage, for the corporation's GIS. */
@RestController
public class RecordDownloadController {

  private final OgcStaffCollections staff;

  public RecordDownloadController(OgcStaffCollections staff) {
    this.staff = staff;
  }

  @GetMapping("/api/ateliers/{id}/record.gpkg")
  @Operation(
      summary = "The atelier's record as a GeoPackage (staff)",
      description =
          "Layers pins (as the room saw them; pins at residents' homes counted per buurt) and"
              + " probleemgebieden (outline, ranking with votes). crs=rd (RD New, EPSG:28992, the"
              + " default) or crs=wgs84 (EPSG:4326).")
  public ResponseEntity<byte[]> record(
      @PathVariable long id,
      @RequestParam(required = false, defaultValue = "rd") String crs,
      HttpServletRequest request)
      throws IOException {
    if (!crs.equals("rd") && !crs.equals("wgs84")) {
      throw new BadRequestException(
          Text.msg("ogc.error.crs", "crs84", "wgs84", "rd", "rd", "value", crs));
    }
    byte[] file = GeoPackageFiles.write(staff.recordLayers(request, id), crs.equals("rd"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/geopackage+sqlite3"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("atelier-" + id + "_" + crs + ".gpkg")
                .build()
                .toString())
        .body(file);
  }
}
