package nl.veerkracht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning room, and a room reaches into another room's tables through SQL only
 * where ARCHITECTURE.md allows it, with a reason. The architecture test sees imports; this one sees
 * the SQL in main code (string literals and text blocks), where a hidden dependency hides.
 */
class TableOwnershipTest {

  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  static final Path SOURCES = Path.of("src/main/java/nl/veerkracht");
  static final Pattern CREATE =
      Pattern.compile(
          "create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);
  static final Pattern STRING =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
  static final Pattern WRITE =
      Pattern.compile(
          "(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?|copy)\\s+([a-z_][a-z0-9_]*)\\b");
  static final Pattern READ = Pattern.compile("(?:from|join)\\s+([a-z_][a-z0-9_]*)\\b");

  record Crossing(String room, String table, boolean writes, String reason) {
    boolean covers(String r, String t, String ownerOfT, boolean write) {
      boolean roomMatches = room.equals("*") || room.equals(r);
      boolean tableMatches = table.equals("*") || table.equals(t) || table.equals(ownerOfT + ":*");
      return roomMatches && tableMatches && (writes || !write);
    }
  }

  record Use(String room, String table, boolean write, String file) {}

  @Test
  void everyTableHasOneOwnerAndRoomsCrossOnlyWhereArchitectureMdSaysWhy() throws IOException {
    Set<String> tables = tables();
    String architecture = Files.readString(Path.of("ARCHITECTURE.md"));
    Map<String, String> owner = owners(architecture);
    List<Crossing> crossings = crossings(architecture);

    Set<String> rooms = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      dirs.filter(Files::isDirectory).forEach(d -> rooms.add(d.getFileName().toString()));
    }
    assertThat(new TreeSet<>(owner.keySet()))
        .as("every table a migration creates has an owner in ARCHITECTURE.md, and no other")
        .isEqualTo(tables);
    assertThat(rooms).as("owners are rooms").containsAll(owner.values());
    for (Crossing c : crossings) {
      assertThat(c.reason()).as("a crossing says why: " + c).isNotBlank();
    }

    List<Use> uses = uses(tables);
    List<String> unallowed = new ArrayList<>();
    Set<Crossing> used = new java.util.HashSet<>();
    Map<String, Integer> byRoom = new TreeMap<>();
    for (Use u : uses) {
      String ownerOfTable = owner.get(u.table());
      if (ownerOfTable.equals(u.room())) {
        continue;
      }
      Crossing allowed =
          crossings.stream()
              .filter(c -> c.covers(u.room(), u.table(), ownerOfTable, u.write()))
              .findFirst()
              .orElse(null);
      if (allowed == null) {
        unallowed.add(
            u.room()
                + (u.write() ? " writes " : " reads ")
                + u.table()
                + " (owned by "
                + ownerOfTable
                + ") in "
                + u.file());
      } else {
        used.add(allowed);
        byRoom.merge(u.room(), 1, Integer::sum);
      }
    }
    List<Crossing> unused =
        crossings.stream().filter(c -> !c.room().equals("*") && !used.contains(c)).toList();
    System.out.printf(
        "[tables] %d tables in %d rooms; %d references to a table in SQL, %d of them across rooms"
            + " by %d allowed crossings; refused: %d%n",
        tables.size(),
        new TreeSet<>(owner.values()).size(),
        uses.size(),
        byRoom.values().stream().mapToInt(Integer::intValue).sum(),
        crossings.size(),
        unallowed.size());
    assertThat(unallowed).as("SQL across rooms that ARCHITECTURE.md does not allow").isEmpty();
    assertThat(unused)
        .as("crossings ARCHITECTURE.md allows that no code uses any more: take them out")
        .isEmpty();
  }

  static Set<String> tables() throws IOException {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path f : files.toList()) {
        Matcher m = CREATE.matcher(Files.readString(f));
        while (m.find()) {
          tables.add(m.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return tables;
  }

  /** The owners table of ARCHITECTURE.md: room | tables, comma separated. */
  static Map<String, String> owners(String architecture) {
    Map<String, String> owner = new LinkedHashMap<>();
    for (String[] row : rows(architecture, "tables")) {
      for (String t : row[1].split(",")) {
        String table = t.replace("`", "").trim();
        String before = owner.put(table, row[0]);
        assertThat(before).as(table + " has one owner").isNull();
      }
    }
    return owner;
  }

  static List<Crossing> crossings(String architecture) {
    List<Crossing> list = new ArrayList<>();
    for (String[] row : rows(architecture, "crossings")) {
      list.add(
          new Crossing(
              row[0], row[1].replace("`", ""), row[2].trim().equals("writes"), row[3].trim()));
    }
    return list;
  }

  /** The body rows of the table between {@code <!-- name:start -->} and its end marker. */
  static List<String[]> rows(String architecture, String name) {
    int start = architecture.indexOf("<!-- " + name + ":start -->");
    int end = architecture.indexOf("<!-- " + name + ":end -->");
    assertThat(start).as("ARCHITECTURE.md has its " + name + " table").isNotNegative();
    List<String[]> rows = new ArrayList<>();
    for (String line : architecture.substring(start, end).split("\n")) {
      if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| Room")) {
        continue;
      }
      String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cells[i].replace("`", "").trim();
      }
      rows.add(cells);
    }
    return rows;
  }

  /** Every table named in the SQL of every main class, with the room of the class. */
  static List<Use> uses(Set<String> tables) throws IOException {
    List<Use> uses = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(f);
        String room = relative.getNameCount() > 1 ? relative.getName(0).toString() : "(root)";
        StringBuilder sql = new StringBuilder();
        Matcher s = STRING.matcher(Files.readString(f));
        while (s.find()) {
          sql.append(s.group(1) != null ? s.group(1) : s.group(2)).append(' ');
        }
        String text = sql.toString().toLowerCase(Locale.ROOT);
        Set<String> seen = new TreeSet<>();
        for (Pattern p : List.of(WRITE, READ)) {
          Matcher m = p.matcher(text);
          while (m.find()) {
            String table = m.group(1);
            boolean write = p == WRITE;
            if (tables.contains(table) && seen.add((write ? "w:" : "r:") + table)) {
              uses.add(new Use(room, table, write, f.getFileName().toString()));
            }
          }
        }
      }
    }
    return uses;
  }
}
