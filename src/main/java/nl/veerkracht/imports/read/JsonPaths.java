package nl.veerkracht.imports.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Dot paths into JSON documents: {@code metadata.indicatoren}, {@code buurten.*}, {@code $}. */
final class JsonPaths {

  /** A node found by a path with {@code *}, and the member name that {@code *} stood for. */
  record Found(String key, JsonNode node) {}

  private JsonPaths() {}

  /** The node at a path without wildcards ({@code $} or empty: the node itself). */
  static JsonNode at(JsonNode root, String path) {
    if (path == null || path.isEmpty() || path.equals("$")) {
      return root;
    }
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  /** Every node a path with {@code *} steps reaches. */
  static List<Found> all(JsonNode root, String path) {
    List<Found> found = new ArrayList<>();
    walk(
        root, path == null || path.equals("$") ? new String[0] : path.split("\\."), 0, null, found);
    return found;
  }

  private static void walk(JsonNode node, String[] parts, int i, String key, List<Found> found) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (i == parts.length) {
      found.add(new Found(key, node));
      return;
    }
    if (parts[i].equals("*")) {
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          walk(e.getValue(), parts, i + 1, e.getKey(), found);
        }
      } else if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          walk(node.get(k), parts, i + 1, Integer.toString(k), found);
        }
      }
    } else {
      walk(node.path(parts[i]), parts, i + 1, key, found);
    }
  }

  static JsonNode missing() {
    return MissingNode.getInstance();
  }
}
