package io.trustyard.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Test databases on every dialect, for contract tests that must pass on all three:
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(Dialect.class)
 * void works(Dialect dialect, @TempDir Path dir) {
 *   try (TestDatabase db = TestDatabases.create(dialect, dir); Database database = db.open()) {
 *     database.migrate("mymodule");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * PostgreSQL is expected at 127.0.0.1:5432 (user {@code postgres}, trust auth) and MariaDB at
 * 127.0.0.1:3306 (user {@code root}, empty password); the environment variables
 * {@code TRUSTYARD_TEST_POSTGRES} and {@code TRUSTYARD_TEST_MYSQL} ({@code host:port}) move them.
 * Each test gets its own database named {@code ty_test_<random>}, dropped afterwards.
 */
public final class TestDatabases {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestDatabases() {}

  public static TestDatabase create(Dialect dialect, Path tempDir) {
    return switch (dialect) {
      case SQLITE -> sqlite(tempDir.resolve("test-" + randomSuffix() + ".db"));
      case POSTGRESQL -> postgres();
      case MYSQL -> mysql();
    };
  }

  public static TestDatabase sqlite(Path file) {
    DatabaseUrl url = DatabaseUrl.sqlite(file);
    return new TestDatabase() {
      public Dialect dialect() { return Dialect.SQLITE; }
      public DatabaseUrl url() { return url; }
      public String urlText() { return "sqlite:" + file.toAbsolutePath(); }
      public void close() {}
    };
  }

  public static TestDatabase postgres() {
    String hostPort = hostPort("TRUSTYARD_TEST_POSTGRES", "127.0.0.1:5432");
    String name = "ty_test_" + randomSuffix();
    String admin = "jdbc:postgresql://" + hostPort + "/postgres";
    execute(admin, "postgres", "", "CREATE DATABASE " + name);
    DatabaseUrl url = new DatabaseUrl(Dialect.POSTGRESQL, "jdbc:postgresql://" + hostPort + "/" + name,
        Optional.of("postgres"), Optional.empty());
    return new ServerDatabase(Dialect.POSTGRESQL, url, "postgres://postgres@" + hostPort + "/" + name,
        admin, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public static TestDatabase mysql() {
    String hostPort = hostPort("TRUSTYARD_TEST_MYSQL", "127.0.0.1:3306");
    String name = "ty_test_" + randomSuffix();
    String admin = "jdbc:mariadb://" + hostPort + "/";
    execute(admin, "root", "", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    DatabaseUrl url = new DatabaseUrl(Dialect.MYSQL, "jdbc:mariadb://" + hostPort + "/" + name,
        Optional.of("root"), Optional.of(""));
    return new ServerDatabase(Dialect.MYSQL, url, "mysql://root@" + hostPort + "/" + name,
        admin, "root", "DROP DATABASE IF EXISTS " + name);
  }

  private record ServerDatabase(Dialect dialect, DatabaseUrl url, String urlText, String adminUrl,
      String adminUser, String dropSql) implements TestDatabase {
    @Override
    public void close() {
      execute(adminUrl, adminUser, "", dropSql);
    }
  }

  private static void execute(String jdbcUrl, String user, String password, String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database server at " + jdbcUrl + " refused '" + sql + "': "
          + e.getMessage() + " (is it running? see TestDatabases)", e);
    }
  }

  private static String hostPort(String env, String fallback) {
    String value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
