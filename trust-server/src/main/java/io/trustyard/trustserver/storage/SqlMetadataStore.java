package io.trustyard.trustserver.storage;

import io.trustyard.store.Database;
import io.trustyard.store.Dialect;
import io.trustyard.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MetadataStore} on notary-server's tables ({@code tuf_files}, {@code changefeed}), so a
 * database written by notary-server is served as it is and the reverse. Reads skip soft-deleted
 * rows as notary's ORM does; deletes are hard, as notary's are.
 */
public final class SqlMetadataStore implements MetadataStore {
  private static final String COLUMNS = "gun, role, version, data, sha256, created_at, updated_at";

  /** The {@link Database#migrate} module name: migrations in {@code db/trustserver/<dialect>}. */
  public static final String SCHEMA_MODULE = "trustserver";

  private final Database database;
  private final Dialect dialect;
  private final Clock clock;

  /** A store on {@code database}, whose schema {@link #migrateSchema} has brought up to date. */
  public SqlMetadataStore(Database database, Clock clock) {
    this.database = database;
    this.dialect = database.dialect();
    this.clock = clock;
  }

  /** Creates notary-server's tables where they are missing; existing ones are left as they are. */
  public static void migrateSchema(Database database) {
    database.migrate(SCHEMA_MODULE);
  }

  @Override
  public Optional<StoredMetadata> latest(String gun, String role) {
    return queryOne(
        "SELECT " + COLUMNS + " FROM tuf_files WHERE gun = ? AND role = ? AND deleted_at IS NULL"
            + " ORDER BY version DESC LIMIT 1",
        gun, role);
  }

  @Override
  public Optional<StoredMetadata> byVersion(String gun, String role, int version) {
    return queryOne(
        "SELECT " + COLUMNS + " FROM tuf_files WHERE gun = ? AND role = ? AND version = ? AND deleted_at IS NULL",
        gun, role, version);
  }

  @Override
  public Optional<StoredMetadata> byChecksum(String gun, String role, String sha256Hex) {
    return queryOne(
        "SELECT " + COLUMNS + " FROM tuf_files WHERE gun = ? AND role = ? AND sha256 = ? AND deleted_at IS NULL"
            + " ORDER BY version DESC LIMIT 1",
        gun, role, sha256Hex);
  }

  @Override
  public void updateMany(String gun, List<MetadataUpdate> updates) throws VersionConflictException {
    Set<String> seen = new HashSet<>();
    for (MetadataUpdate u : updates) {
      if (!seen.add(u.role() + "\0" + u.version())) {
        throw new VersionConflictException("two updates for " + u.role() + " version " + u.version());
      }
    }
    Instant now = clock.instant();
    try {
      database.inTransaction(c -> {
        for (MetadataUpdate u : updates) {
          checkNewer(c, gun, u);
          byte[] data = u.data();
          String sha = Sha256.hex(data);
          try (PreparedStatement ps = c.prepareStatement(
              "INSERT INTO tuf_files (created_at, updated_at, gun, role, version, data, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            SqlDialects.setTime(dialect, ps, 1, now);
            SqlDialects.setTime(dialect, ps, 2, now);
            ps.setString(3, gun);
            ps.setString(4, u.role());
            ps.setInt(5, u.version());
            ps.setBytes(6, data);
            ps.setString(7, sha);
            ps.executeUpdate();
          }
          if (u.role().equals("timestamp")) {
            insertChange(c, now, gun, u.version(), sha, Change.UPDATE);
          }
        }
        return null;
      });
    } catch (Conflict e) {
      throw new VersionConflictException(e.getMessage());
    } catch (StoreException e) {
      if (SqlDialects.isConflict(dialect, e)) {
        throw new VersionConflictException("a concurrent update stored the same version first", e);
      }
      throw e;
    }
  }

  /** Carries a version conflict out of the transaction callback, which may only throw SQL errors. */
  private static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message, null, false, false);
    }
  }

  private static void checkNewer(Connection c, String gun, MetadataUpdate u) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT MAX(version) FROM tuf_files WHERE gun = ? AND role = ? AND version >= ?")) {
      ps.setString(1, gun);
      ps.setString(2, u.role());
      ps.setInt(3, u.version());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          int stored = rs.getInt(1);
          if (!rs.wasNull()) {
            throw new Conflict(
                u.role() + " version " + u.version() + " is not newer than stored " + stored);
          }
        }
      }
    }
  }

  @Override
  public void delete(String gun) {
    Instant now = clock.instant();
    database.inTransaction(c -> {
      int deleted;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM tuf_files WHERE gun = ?")) {
        ps.setString(1, gun);
        deleted = ps.executeUpdate();
      }
      if (deleted > 0) {
        insertChange(c, now, gun, 0, "", Change.DELETION);
      }
      return null;
    });
  }

  @Override
  public List<Change> changes(ChangeQuery q) {
    StringBuilder sql = new StringBuilder("SELECT id, created_at, gun, version, sha256, category FROM changefeed WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.gun() != null) {
      sql.append(" AND gun = ?");
      args.add(q.gun());
    }
    if (!q.reverse()) {
      sql.append(" AND id > ? ORDER BY id ASC");
      args.add(q.changeId());
    } else {
      if (q.changeId() > 0) {
        sql.append(" AND id < ?");
        args.add(q.changeId());
      }
      sql.append(" ORDER BY id DESC");
    }
    sql.append(" LIMIT ?");
    args.add(q.limit());
    List<Change> out = database.withConnection(c -> {
      List<Change> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        bind(ps, args.toArray());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
          String sha = rs.getString("sha256");
          rows.add(new Change(
              rs.getLong("id"),
              SqlDialects.getTime(dialect, rs, "created_at"),
              rs.getString("gun"),
              rs.getInt("version"),
              sha == null ? "" : sha.trim(),
              rs.getString("category")));
          }
        }
      }
      return rows;
    });
    if (q.reverse()) {
      Collections.reverse(out);
    }
    return out;
  }

  private void insertChange(Connection c, Instant now, String gun, int version, String sha, String category)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO changefeed (created_at, gun, version, sha256, category) VALUES (?, ?, ?, ?, ?)")) {
      SqlDialects.setTime(dialect, ps, 1, now);
      ps.setString(2, gun);
      ps.setInt(3, version);
      ps.setString(4, sha);
      ps.setString(5, category);
      ps.executeUpdate();
    }
  }

  private Optional<StoredMetadata> queryOne(String sql, Object... args) {
    return database.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<StoredMetadata>empty();
          }
        String sha = rs.getString("sha256");
        byte[] data = rs.getBytes("data");
        return Optional.of(new StoredMetadata(
            rs.getString("gun"),
            rs.getString("role"),
            rs.getInt("version"),
            data,
            sha == null ? Sha256.hex(data) : sha.trim(),
            SqlDialects.getTime(dialect, rs, "created_at"),
            SqlDialects.getTime(dialect, rs, "updated_at")));
        }
      }
    });
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (a instanceof Long n) {
        ps.setLong(i + 1, n);
      } else {
        ps.setString(i + 1, (String) a);
      }
    }
  }
}
