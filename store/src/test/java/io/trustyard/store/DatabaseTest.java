package io.trustyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store contract on every dialect: migrations, commit, rollback, concurrent writers. */
class DatabaseTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void migratesCommitsAndRollsBack(Dialect dialect) {
    try (TestDatabase test = TestDatabases.create(dialect, dir); Database db = test.open()) {
      assertThat(db.dialect()).isEqualTo(dialect);
      db.migrate("storetest");
      db.migrate("storetest"); // a second run changes nothing

      db.inTransaction(c -> insert(c, "kept", "a"));
      assertThatThrownBy(() -> db.inTransaction(c -> {
        insert(c, "rolled-back", "b");
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
      assertThatThrownBy(() -> db.inTransaction(c -> insert(c, "kept", "duplicate")))
          .isInstanceOf(StoreException.class);

      assertThat(names(db)).containsExactly("kept");
      String note = db.withConnection(c -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT note FROM storetest_items")) {
          rs.next();
          return rs.getString(1);
        }
      });
      assertThat(note).isEqualTo("a");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aSchemaMadeByOtherToolsIsAdoptedAsItIs(Dialect dialect) throws Exception {
    try (TestDatabase test = TestDatabases.create(dialect, dir); Database db = test.open()) {
      String columns = switch (dialect) {
        case SQLITE -> "id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255) NOT NULL UNIQUE, body BLOB";
        case POSTGRESQL -> "id SERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL UNIQUE, body BYTEA";
        case MYSQL -> "id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255) NOT NULL UNIQUE, body BLOB";
      };
      db.withConnection(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE storetest_items (" + columns + ")");
          s.execute("INSERT INTO storetest_items (name) VALUES ('existing')");
        }
        return null;
      });
      db.migrate("storetest");
      db.inTransaction(c -> insert(c, "new", "n"));
      assertThat(names(db)).containsExactly("existing", "new");
    }
  }

  @Test
  void sqliteFileIsPrivateAndConcurrentWritersWait() throws Exception {
    Path file = dir.resolve("sub/dir/x.db");
    try (Database db = Database.open("sqlite:" + file)) {
      db.migrate("storetest");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          int n = i;
          // Read, then write in the same transaction: the pattern that fails with SQLITE_BUSY
          // under deferred transactions.
          futures.add(pool.submit(() -> db.inTransaction(c -> {
            names(c);
            return insert(c, "item-" + n, "x");
          })));
        }
        for (Future<?> f : futures) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(names(db)).hasSize(200);
    }
  }

  private static int insert(java.sql.Connection c, String name, String note) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO storetest_items (name, note) VALUES (?, ?)")) {
      ps.setString(1, name);
      ps.setString(2, note);
      return ps.executeUpdate();
    }
  }

  private static List<String> names(Database db) {
    return db.withConnection(DatabaseTest::names);
  }

  private static List<String> names(java.sql.Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM storetest_items ORDER BY id")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
