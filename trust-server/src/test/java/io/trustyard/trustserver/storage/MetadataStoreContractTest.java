package io.trustyard.trustserver.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.store.Database;
import io.trustyard.store.Dialect;
import io.trustyard.store.TestDatabase;
import io.trustyard.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one contract every {@link MetadataStore} passes: memory, SQLite, PostgreSQL and MariaDB. */
class MetadataStoreContractTest {
  private static final Instant NOW = Instant.parse("2026-11-22T01:02:03.456Z");

  @TempDir Path dir;
  private TestDatabase db;
  private Database database;

  static Stream<String> stores() {
    return Stream.of("memory", "SQLITE", "POSTGRESQL", "MYSQL");
  }

  private MetadataStore open(String kind) throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    if (kind.equals("memory")) {
      return new InMemoryMetadataStore(clock);
    }
    db = TestDatabases.create(Dialect.valueOf(kind), dir);
    database = db.open();
    SqlMetadataStore.migrateSchema(database);
    // Migrating twice (a restart, or a database notary-server made) leaves the schema as it is.
    SqlMetadataStore.migrateSchema(database);
    return new SqlMetadataStore(database, clock);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private static MetadataUpdate file(String role, int version, String text) {
    return new MetadataUpdate(role, version, text.getBytes(UTF_8));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void storesAndFindsByLatestVersionAndChecksum(String kind) throws Exception {
    MetadataStore store = open(kind);
    String gun = "example.com/a/b";
    store.updateMany(gun, List.of(file("root", 1, "r1"), file("targets", 1, "t1"), file("timestamp", 1, "ts1")));
    store.updateMany(gun, List.of(file("targets", 3, "t3"), file("targets/releases", 1, "rel")));

    StoredMetadata latest = store.latest(gun, "targets").orElseThrow();
    assertThat(latest.version()).isEqualTo(3);
    assertThat(latest.data()).isEqualTo("t3".getBytes(UTF_8));
    assertThat(latest.sha256()).isEqualTo(Sha256.hex("t3".getBytes(UTF_8)));
    // MySQL's notary schema keeps whole seconds.
    assertThat(latest.updatedAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(NOW.truncatedTo(ChronoUnit.SECONDS));
    assertThat(latest.createdAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(NOW.truncatedTo(ChronoUnit.SECONDS));

    assertThat(store.byVersion(gun, "targets", 1).orElseThrow().data()).isEqualTo("t1".getBytes(UTF_8));
    assertThat(store.byVersion(gun, "targets", 2)).isEmpty();
    assertThat(store.byChecksum(gun, "targets", Sha256.hex("t1".getBytes(UTF_8))).orElseThrow().version()).isEqualTo(1);
    assertThat(store.byChecksum(gun, "root", Sha256.hex("t1".getBytes(UTF_8)))).isEmpty();
    assertThat(store.latest(gun, "targets/releases").orElseThrow().version()).isEqualTo(1);
    assertThat(store.latest("example.com/other", "root")).isEmpty();
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    store.updateMany(gun, List.of(new MetadataUpdate("snapshot", 1, binary)));
    assertThat(store.latest(gun, "snapshot").orElseThrow().data()).isEqualTo(binary);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void rejectsOldOrDuplicateVersionsAndChangesNothing(String kind) throws Exception {
    MetadataStore store = open(kind);
    String gun = "g";
    store.updateMany(gun, List.of(file("root", 2, "r2"), file("timestamp", 1, "ts1")));

    assertThatThrownBy(() -> store.updateMany(gun, List.of(file("targets", 1, "t1"), file("root", 2, "again"))))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.updateMany(gun, List.of(file("targets", 1, "t1"), file("root", 1, "older"))))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.updateMany(gun, List.of(file("targets", 1, "a"), file("targets", 1, "b"))))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.latest(gun, "targets")).isEmpty();
    assertThat(store.latest(gun, "root").orElseThrow().data()).isEqualTo("r2".getBytes(UTF_8));
    assertThat(store.changes(new ChangeQuery(null, 0, 100, false))).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void concurrentUpdatesOfOneGunNeverInterleave(String kind) throws Exception {
    MetadataStore store = open(kind);
    String gun = "race/gun";
    store.updateMany(gun, List.of(file("root", 1, "r1"), file("timestamp", 1, "ts1")));
    int writers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      int n = i;
      Callable<Boolean> task = () -> {
        start.await();
        try {
          // Each writer read timestamp 1 and writes its successor together with its own targets.
          store.updateMany(gun, List.of(file("targets", 10 + n, "t" + n), file("timestamp", 2, "ts2-" + n)));
          return true;
        } catch (VersionConflictException e) {
          return false;
        }
      };
      results.add(pool.submit(task));
    }
    start.countDown();
    int winners = 0;
    for (Future<Boolean> f : results) {
      winners += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(winners).isEqualTo(1);
    String ts = new String(store.latest(gun, "timestamp").orElseThrow().data(), UTF_8);
    String targets = new String(store.latest(gun, "targets").orElseThrow().data(), UTF_8);
    assertThat(ts).startsWith("ts2-");
    assertThat(targets).isEqualTo("t" + ts.substring(4));
    assertThat(store.changes(new ChangeQuery(gun, 0, 100, false))).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void deleteRemovesEveryVersionAndRecordsOneDeletion(String kind) throws Exception {
    MetadataStore store = open(kind);
    store.updateMany("keep", List.of(file("root", 1, "k"), file("timestamp", 1, "kt")));
    store.updateMany("gone", List.of(file("root", 1, "g"), file("timestamp", 1, "gt")));
    store.updateMany("gone", List.of(file("timestamp", 2, "gt2")));

    store.delete("gone");
    store.delete("never-existed");

    assertThat(store.latest("gone", "root")).isEmpty();
    assertThat(store.latest("gone", "timestamp")).isEmpty();
    assertThat(store.latest("keep", "root")).isPresent();
    List<Change> all = store.changes(new ChangeQuery(null, 0, 100, false));
    assertThat(all).extracting(Change::gun).containsExactly("keep", "gone", "gone", "gone");
    Change deletion = all.get(3);
    assertThat(deletion.category()).isEqualTo(Change.DELETION);
    assertThat(deletion.version()).isZero();
    assertThat(deletion.sha256()).isEmpty();
    assertThat(all.get(1).sha256()).isEqualTo(Sha256.hex("gt".getBytes(UTF_8)));
    assertThat(all.get(1).category()).isEqualTo(Change.UPDATE);
    assertThat(all.get(1).createdAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(NOW.truncatedTo(ChronoUnit.SECONDS));
    // A deleted GUN can start over at version 1.
    store.updateMany("gone", List.of(file("root", 1, "again"), file("timestamp", 1, "t")));
    assertThat(store.latest("gone", "root").orElseThrow().data()).isEqualTo("again".getBytes(UTF_8));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void changefeedPagesForwardAndBackward(String kind) throws Exception {
    MetadataStore store = open(kind);
    for (int v = 1; v <= 5; v++) {
      store.updateMany("a", List.of(file("timestamp", v, "a" + v)));
      store.updateMany("b", List.of(file("timestamp", v, "b" + v)));
    }
    List<Change> all = store.changes(new ChangeQuery(null, 0, 100, false));
    assertThat(all).hasSize(10);
    assertThat(all).extracting(Change::id).isSorted();
    long third = all.get(2).id();

    assertThat(store.changes(new ChangeQuery(null, third, 3, false)))
        .extracting(Change::id).containsExactly(all.get(3).id(), all.get(4).id(), all.get(5).id());
    assertThat(store.changes(new ChangeQuery("a", 0, 2, false)))
        .extracting(Change::version).containsExactly(1, 2);
    // Reverse: newest first under the bound, handed back in ascending order.
    assertThat(store.changes(new ChangeQuery(null, 0, 3, true)))
        .extracting(Change::id).containsExactly(all.get(7).id(), all.get(8).id(), all.get(9).id());
    assertThat(store.changes(new ChangeQuery(null, third, 5, true)))
        .extracting(Change::id).containsExactly(all.get(0).id(), all.get(1).id());
    assertThat(store.changes(new ChangeQuery("b", 0, 2, true)))
        .extracting(Change::version).containsExactly(4, 5);
  }
}
