package nl.veerkracht.map;

import java.util.List;
import java.util.Map;
import nl.veerkracht.common.Text;

/**
 * What rooms said about an area's figures, for the area's page: kept by the atelier room, which
 * stands on this one and so provides it (the page asks, it does not import the room).
 */
public interface AreaRecognitionSource {

  /** One atelier's answers on one figure of the area. */
  record Recognition(
      long atelierId,
      String atelier,
      int year,
      Text figure,
      Integer figureYear,
      Text value,
      int recognised,
      int notRecognised,
      int dontKnow,
      Map<String, Map<String, Integer>> byGroup,
      List<String> remarks) {}

  /** What rooms of the caller's corporations said about this area's figures; oldest first. */
  List<Recognition> forArea(String areaCode);
}
