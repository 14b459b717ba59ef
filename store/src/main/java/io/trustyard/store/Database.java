package io.trustyard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection to one database, with Flyway migrations and a transaction helper.
 *
 * <p>SQLite is a single-writer file: it runs in WAL mode with a busy timeout, a small pool and
 * {@code BEGIN IMMEDIATE} transactions, so that two writers wait for each other instead of
 * failing with {@code SQLITE_BUSY}. A new SQLite file is created 0600 in a 0700 directory,
 * because the servers keep secrets (encrypted keys) in it.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  static final int SQLITE_POOL_SIZE = 4;
  static final int SERVER_POOL_SIZE = 10;
  static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

  private final DatabaseUrl url;
  private final HikariDataSource dataSource;

  private Database(DatabaseUrl url, HikariDataSource dataSource) {
    this.url = url;
    this.dataSource = dataSource;
  }

  /** Opens a pool on {@code url}; for SQLite, creates the file (0600) if it is missing. */
  public static Database open(DatabaseUrl url) {
    Objects.requireNonNull(url, "url");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    url.user().ifPresent(config::setUsername);
    url.password().ifPresent(config::setPassword);
    config.setPoolName("trustyard-" + url.dialect().directory());
    config.setConnectionTimeout(15_000);
    switch (url.dialect()) {
      case SQLITE -> {
        prepareSqliteFile(Path.of(url.jdbcUrl().substring("jdbc:sqlite:".length())));
        config.setMaximumPoolSize(SQLITE_POOL_SIZE);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MILLIS));
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("synchronous", "NORMAL");
      }
      case POSTGRESQL, MYSQL -> config.setMaximumPoolSize(SERVER_POOL_SIZE);
    }
    try {
      HikariDataSource ds = new HikariDataSource(config);
      LOG.info("database open: {}", url);
      return new Database(url, ds);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the database " + url + ": " + rootMessage(e), e);
    }
  }

  /** Opens a pool on one of Trustyard's URL forms (see {@link DatabaseUrl#parse}). */
  public static Database open(String url) {
    return open(DatabaseUrl.parse(url));
  }

  private static void prepareSqliteFile(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null && !Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (!Files.exists(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: SQLite creates the file with the platform's defaults.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database file " + file, e);
    }
  }

  public Dialect dialect() {
    return url.dialect();
  }

  public DatabaseUrl url() {
    return url;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Brings the schema of {@code module} up to date from
   * {@code classpath:db/<module>/<dialect>} (see {@link Migrations}).
   */
  public void migrate(String module) {
    Migrations.migrate(dataSource, url.dialect(), module);
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   * SQL failures come out as {@link StoreException}; runtime exceptions of {@code work} pass
   * through unchanged (after the rollback).
   */
  public <T> T inTransaction(SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("database error on " + url.dialect() + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode (single statements, reads). */
  public <T> T withConnection(SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("database error on " + url.dialect() + ": " + e.getMessage(), e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
