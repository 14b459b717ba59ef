package io.trustyard.signer.keys;

import io.trustyard.store.Database;
import io.trustyard.store.Dialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Keys in notary-signer's {@code private_keys} table (SQLite, PostgreSQL, MySQL/MariaDB), readable
 * and writable by notary-signer itself. Times are stored as UTC wall-clock timestamps, as gorm does.
 */
public final class SqlKeyStore implements KeyStore {

  /** Migration module name: {@code db/signer/<dialect>/}. */
  public static final String MODULE = "signer";

  private static final String COLUMNS =
      "key_id, algorithm, gun, role, public, private, passphrase_alias, last_used";
  private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final Database db;
  private final Clock clock;

  /** Uses {@code db} (already migrated, see {@link #open}); the caller keeps ownership of it. */
  public SqlKeyStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Brings the {@code private_keys} schema of {@code db} up to date and returns a store on it. */
  public static SqlKeyStore open(Database db, Clock clock) {
    db.migrate(MODULE);
    return new SqlKeyStore(db, clock);
  }

  @Override
  public void add(StoredKey key) {
    try {
      db.inTransaction(c -> {
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM private_keys WHERE key_id = ?")) {
          exists.setString(1, key.keyId());
          try (ResultSet rs = exists.executeQuery()) {
            if (rs.next()) {
              throw new DuplicateKeyException(key.keyId());
            }
          }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO private_keys (created_at, updated_at, key_id,"
            + " encryption_alg, keywrap_alg, algorithm, passphrase_alias, public, private, gun, role)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          Instant now = clock.instant();
          setTime(ps, 1, now);
          setTime(ps, 2, now);
          ps.setString(3, key.keyId());
          ps.setString(4, Jwe.ENCRYPTION_ALG);
          ps.setString(5, Jwe.KEYWRAP_ALG);
          ps.setString(6, key.algorithm());
          ps.setString(7, key.passphraseAlias());
          ps.setBytes(8, key.publicBytes());
          ps.setBytes(9, key.encryptedPrivate().getBytes(StandardCharsets.US_ASCII));
          ps.setString(10, key.gun());
          ps.setString(11, key.role());
          ps.executeUpdate();
        }
        return null;
      });
    } catch (io.trustyard.store.StoreException e) {
      if (isUniqueViolation(e.getCause())) {
        throw new DuplicateKeyException(key.keyId());
      }
      throw e;
    }
  }

  @Override
  public Optional<StoredKey> get(String keyId) {
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM private_keys WHERE key_id = ? AND deleted_at IS NULL")) {
        ps.setString(1, keyId);
        return first(ps);
      }
    });
  }

  @Override
  public Optional<StoredKey> firstUnused(String role, String gun, String algorithm) {
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM private_keys"
          + " WHERE role = ? AND gun = ? AND algorithm = ? AND last_used IS NULL AND deleted_at IS NULL"
          + " ORDER BY key_id")) {
        ps.setString(1, role);
        ps.setString(2, gun);
        ps.setString(3, algorithm);
        ps.setMaxRows(1);
        return first(ps);
      }
    });
  }

  @Override
  public boolean delete(String keyId) {
    return db.inTransaction(c -> update(c,
        "UPDATE private_keys SET deleted_at = ? WHERE key_id = ? AND deleted_at IS NULL", keyId) > 0);
  }

  @Override
  public Map<String, Long> countByAlgorithm() {
    return db.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT algorithm, COUNT(*) FROM private_keys WHERE deleted_at IS NULL GROUP BY algorithm");
          java.sql.ResultSet rs = ps.executeQuery()) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
        return counts;
      }
    });
  }

  @Override
  public void markUsed(String keyId, Instant when) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE private_keys SET last_used = ?, updated_at = ? WHERE key_id = ? AND deleted_at IS NULL")) {
        setTime(ps, 1, when);
        setTime(ps, 2, clock.instant());
        ps.setString(3, keyId);
        return ps.executeUpdate();
      }
    });
  }

  private int update(Connection c, String sql, String keyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      setTime(ps, 1, clock.instant());
      ps.setString(2, keyId);
      return ps.executeUpdate();
    }
  }

  private Optional<StoredKey> first(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
          rs.getBytes(5), new String(rs.getBytes(6), StandardCharsets.US_ASCII), rs.getString(7), getTime(rs, 8)));
    }
  }

  private void setTime(PreparedStatement ps, int index, Instant when) throws SQLException {
    LocalDateTime utc = LocalDateTime.ofInstant(when, ZoneOffset.UTC);
    if (db.dialect() == Dialect.SQLITE) {
      ps.setString(index, SQLITE_TIME.format(utc));
    } else {
      ps.setObject(index, utc);
    }
  }

  private Optional<Instant> getTime(ResultSet rs, int index) throws SQLException {
    if (db.dialect() == Dialect.SQLITE) {
      String text = rs.getString(index);
      if (text == null) {
        return Optional.empty();
      }
      // Written by us (fixed format) or by another tool: a non-null value is what matters.
      try {
        return Optional.of(LocalDateTime.parse(text, SQLITE_TIME).toInstant(ZoneOffset.UTC));
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.of(Instant.EPOCH);
      }
    }
    LocalDateTime value = rs.getObject(index, LocalDateTime.class);
    return Optional.ofNullable(value).map(t -> t.toInstant(ZoneOffset.UTC));
  }

  private static boolean isUniqueViolation(Throwable t) {
    return t instanceof SQLException e && (e.getSQLState() != null && e.getSQLState().startsWith("23")
        || String.valueOf(e.getMessage()).contains("UNIQUE constraint"));
  }
}
