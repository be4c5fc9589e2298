package nl.veerkracht.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backup and restore without {@code pg_dump} (the embedded server has none): every table is read
 * with {@code COPY} in one repeatable-read snapshot into a zip, with a manifest of the schema
 * version and per table its row count and the SHA-256 of its rows. A restore loads a backup into a
 * database of the same schema version that holds no data yet, in one transaction, and checks every
 * table's count and checksum before it commits.
 */
@Service
public class Backups {

  static final String FORMAT = "veerkracht-backup/1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What a backup holds. */
  public record Manifest(
      String format,
      String schemaVersion,
      Instant createdAt,
      String corporation,
      List<TableSum> tables) {}

  /** One table of a backup: its rows and their checksum. */
  public record TableSum(String name, long rows, String sha256) {}

  private final DataSource dataSource;

  public Backups(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Writes a backup of the whole database, or of one corporation (its rows, its staff's accounts
   * and the public data), to {@code file}, replacing it only when the backup is complete.
   */
  public Manifest backup(Path file, String corporationCode) throws IOException, SQLException {
    Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
    Files.deleteIfExists(tmp);
    if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // tenants' data: readable by the owner only
      Files.createFile(
          tmp,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }
    Manifest m;
    try (Connection c = dataSource.getConnection();
        OutputStream out = Files.newOutputStream(tmp);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      List<BackupTables.Table> tables = BackupTables.tables(c);
      Map<String, String> filters = Map.of();
      if (corporationCode != null) {
        long id = corporationId(c, corporationCode);
        filters = BackupTables.corporationFilters(tables, BackupTables.foreignKeys(c), id);
      }
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      List<TableSum> sums = new ArrayList<>();
      for (BackupTables.Table t : tables) {
        zip.putNextEntry(new ZipEntry("data/" + t.name() + ".tsv"));
        MessageDigest digest = sha256();
        OutputStream entry = new DigestOutputStream(new NonClosing(zip), digest);
        long rows =
            copy.copyOut(
                "COPY (" + BackupTables.select(t, filters.get(t.name())) + ") TO STDOUT", entry);
        zip.closeEntry();
        sums.add(new TableSum(t.name(), rows, HexFormat.of().formatHex(digest.digest())));
      }
      m = new Manifest(FORMAT, schemaVersion(c), Instant.now(), corporationCode, sums);
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
      zip.closeEntry();
      c.rollback();
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return m;
  }

  /**
   * Loads a backup into this database, which must be of the same schema version and hold no
   * corporations, accounts, areas or figures yet. All or nothing: every table's row count and
   * checksum are compared with the manifest before the transaction commits.
   *
   * @throws BackupException when the file is no backup, of another schema version, damaged, or the
   *     database is not empty
   */
  public Manifest restore(Path file) throws IOException, SQLException {
    try (ZipFile zip = new ZipFile(file.toFile());
        Connection c = dataSource.getConnection()) {
      Manifest m = manifest(zip);
      c.setAutoCommit(false);
      try {
        String version = schemaVersion(c);
        if (!version.equals(m.schemaVersion())) {
          throw new BackupException(
              "This backup is of schema version "
                  + m.schemaVersion()
                  + ", this database of version "
                  + version
                  + "; restore it with the Veerkracht version that made it.");
        }
        requireEmpty(c);
        load(c, zip, m);
        verify(c, m);
        c.commit();
        return m;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (java.util.zip.ZipException e) {
      throw new BackupException(file + " is not a Veerkracht backup (not a zip file).");
    }
  }

  private static Manifest manifest(ZipFile zip) throws IOException {
    ZipEntry e = zip.getEntry("manifest.json");
    if (e == null) {
      throw new BackupException(zip.getName() + " is not a Veerkracht backup (no manifest).");
    }
    try (InputStream in = zip.getInputStream(e)) {
      Manifest m = JSON.readValue(in, Manifest.class);
      if (!FORMAT.equals(m.format()) || m.tables() == null) {
        throw new BackupException(zip.getName() + " is not a Veerkracht backup of a known format.");
      }
      return m;
    } catch (tools.jackson.core.JacksonException ex) {
      throw new BackupException(zip.getName() + " has a damaged manifest.");
    }
  }

  private static void requireEmpty(Connection c) throws SQLException {
    for (String table : List.of("corporation", "app_user", "area", "observation")) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
        rs.next();
        if (rs.getBoolean(1)) {
          throw new BackupException(
              "This database is not empty (it holds "
                  + table
                  + " rows); restore into a new, empty database.");
        }
      }
    }
  }

  private static void load(Connection c, ZipFile zip, Manifest m) throws SQLException, IOException {
    List<String> names = BackupTables.tables(c).stream().map(BackupTables.Table::name).toList();
    for (TableSum t : m.tables()) {
      if (!names.contains(t.name())) {
        throw new BackupException("The backup holds a table this database lacks: " + t.name());
      }
    }
    StringBuilder truncate = new StringBuilder("TRUNCATE ");
    for (int i = 0; i < names.size(); i++) {
      truncate.append(i == 0 ? "" : ", ").append(BackupTables.q(names.get(i)));
    }
    try (Statement s = c.createStatement()) {
      // the rows come back as they were: no trigger renumbers or re-chains them (the audit log's
      // chain, append-only and frozen-version guards), for this transaction only
      s.execute("SET LOCAL session_replication_role = replica");
      // what the start-up wrote (the indicator catalogue, reference tables) makes way for the
      // backup
      s.execute(truncate + " RESTART IDENTITY CASCADE");
    }
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    for (TableSum t : m.tables()) {
      ZipEntry e = zip.getEntry("data/" + t.name() + ".tsv");
      if (e == null) {
        throw new BackupException("The backup lacks the rows of " + t.name() + ".");
      }
      try (InputStream in = zip.getInputStream(e)) {
        copy.copyIn("COPY " + BackupTables.q(t.name()) + " FROM STDIN", in);
      }
    }
    // sequences go on after the highest id restored
    List<String[]> sequences = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT s.relname, t.relname, a.attname FROM pg_class s JOIN pg_depend d ON"
                    + " d.objid = s.oid AND d.deptype IN ('a', 'i') JOIN pg_class t ON t.oid ="
                    + " d.refobjid JOIN pg_namespace n ON n.oid = t.relnamespace JOIN"
                    + " pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid WHERE"
                    + " s.relkind = 'S' AND n.nspname = 'public'")) {
      while (rs.next()) {
        sequences.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    try (Statement s = c.createStatement()) {
      for (String[] q : sequences) {
        String col = BackupTables.q(q[2]);
        s.execute(
            "SELECT setval('"
                + BackupTables.q(q[0]).replace("'", "''")
                + "', coalesce(max("
                + col
                + "), 1), max("
                + col
                + ") IS NOT NULL) FROM "
                + BackupTables.q(q[1]));
      }
    }
  }

  /** Every table read back as a backup reads it: the same count and checksum, or nothing. */
  private static void verify(Connection c, Manifest m) throws SQLException, IOException {
    Map<String, BackupTables.Table> tables = new java.util.HashMap<>();
    BackupTables.tables(c).forEach(t -> tables.put(t.name(), t));
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    for (TableSum t : m.tables()) {
      MessageDigest digest = sha256();
      long rows =
          copy.copyOut(
              "COPY (" + BackupTables.select(tables.get(t.name()), null) + ") TO STDOUT",
              new DigestOutputStream(OutputStream.nullOutputStream(), digest));
      String sum = HexFormat.of().formatHex(digest.digest());
      if (rows != t.rows() || !sum.equals(t.sha256())) {
        throw new BackupException(
            "Table "
                + t.name()
                + " did not load as it was backed up ("
                + rows
                + " rows, expected "
                + t.rows()
                + "); nothing was restored.");
      }
    }
  }

  private static long corporationId(Connection c, String code) throws SQLException {
    try (var ps = c.prepareStatement("SELECT id FROM corporation WHERE code = ?")) {
      ps.setString(1, code.trim().toUpperCase(java.util.Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new BackupException("No corporation with code " + code + ".");
        }
        return rs.getLong(1);
      }
    }
  }

  static String schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM "
                    + BackupTables.HISTORY
                    + " WHERE success AND version IS NOT"
                    + " NULL ORDER BY installed_rank DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : "none";
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stream into the zip whose close ends nothing (the zip entry is closed by the writer). */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** A backup that cannot be made or restored, with a message for the user. */
  public static final class BackupException extends RuntimeException {
    public BackupException(String message) {
      super(message);
    }
  }
}
