package nl.veerkracht.map;

import java.util.List;
import java.util.Map;

/** An area with all its figures of one year. */
public record AreaDetail(
    String code,
    String name,
    String level,
    int year,
    String parentCode,
    List<Integer> years,
    Map<String, String> attributes,
    Map<String, Figure> indicators) {}
