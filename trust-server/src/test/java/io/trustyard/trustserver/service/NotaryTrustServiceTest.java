package io.trustyard.trustserver.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.notary.NotaryErrorCode;
import io.trustyard.core.notary.NotaryException;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.store.Database;
import io.trustyard.store.TestDatabase;
import io.trustyard.store.TestDatabases;
import io.trustyard.trustserver.storage.InMemoryMetadataStore;
import io.trustyard.trustserver.storage.MetadataStore;
import io.trustyard.trustserver.storage.SqlMetadataStore;
import io.trustyard.trustserver.testing.MovableClock;
import io.trustyard.trustserver.testing.TestRepo;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The trust service without HTTP: timestamp freshness and atomic, non-interleaving updates. */
class NotaryTrustServiceTest {
  @TempDir Path dir;

  private static NotaryTrustService service(MetadataStore store, Clock clock) {
    return new NotaryTrustService(store, new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("p"), "default",
        new SecureRandom(), clock, () -> {}), "ecdsa", clock);
  }

  private static TufPublicKey key(byte[] json) throws Exception {
    JsonNode k = new ObjectMapper().readTree(json);
    return new TufPublicKey(k.get("keytype").asText(), Base64.getDecoder().decode(k.get("keyval").get("public").asText()));
  }

  @Test
  void expiredTimestampsAndServerSnapshotsAreReSignedOnRead() throws Exception {
    MovableClock clock = new MovableClock();
    NotaryTrustService service = service(new InMemoryMetadataStore(clock), clock);
    String gun = "example.com/fresh/app";
    TestRepo repo = new TestRepo(gun, key(service.key(gun, "timestamp")));
    repo.snapshotRoleKey = key(service.key(gun, "snapshot"));
    byte[] root = repo.root(1);
    service.update(gun, List.of(new UploadedFile("root", root), new UploadedFile("targets", repo.targets(1, Map.of()))));

    byte[] ts1 = service.current(gun, "timestamp").data();
    assertThat(service.current(gun, "timestamp").data()).isEqualTo(ts1);
    assertThat(MetadataReader.timestamp(ts1, 1 << 20).signed().version()).isEqualTo(1);

    clock.advance(Duration.ofDays(15));
    byte[] ts2 = service.current(gun, "timestamp").data();
    var parsed2 = MetadataReader.timestamp(ts2, 1 << 20);
    assertThat(parsed2.signed().version()).isEqualTo(2);
    assertThat(parsed2.signed().expires().toInstant()).isAfter(clock.instant());
    assertThat(service.byVersion(gun, "timestamp", 2).data()).isEqualTo(ts2);
    byte[] snapshot1 = service.current(gun, "snapshot").data();
    assertThat(parsed2.signed().snapshot().orElseThrow().matches(snapshot1)).isTrue();

    // Past the snapshot's expiry: the server holds its key, so it re-signs it, and a timestamp follows.
    clock.advance(Duration.ofDays(4 * 365));
    byte[] snapshot2 = service.current(gun, "snapshot").data();
    var s2 = MetadataReader.snapshot(snapshot2, 1 << 20);
    assertThat(s2.signed().version()).isEqualTo(2);
    assertThat(s2.signed().expires().toInstant()).isAfter(clock.instant());
    assertThat(s2.signed().meta().get("root").matches(root)).isTrue();
    var ts3 = MetadataReader.timestamp(service.current(gun, "timestamp").data(), 1 << 20);
    assertThat(ts3.signed().version()).isEqualTo(3);
    assertThat(ts3.signed().snapshot().orElseThrow().matches(snapshot2)).isTrue();
  }

  @Test
  void anExpiredClientSnapshotCannotBeReSignedAndIsAServerError() throws Exception {
    MovableClock clock = new MovableClock();
    NotaryTrustService service = service(new InMemoryMetadataStore(clock), clock);
    String gun = "example.com/fresh/client-snapshot";
    TestRepo repo = new TestRepo(gun, key(service.key(gun, "timestamp")));
    byte[] root = repo.root(1);
    byte[] targets = repo.targets(1, Map.of());
    service.update(gun, List.of(new UploadedFile("root", root), new UploadedFile("targets", targets),
        new UploadedFile("snapshot", repo.snapshot(1, root, targets))));
    clock.advance(Duration.ofDays(4 * 365));
    assertThatThrownBy(() -> service.current(gun, "timestamp"))
        .isInstanceOfSatisfying(NotaryException.class, e -> assertThat(e.code()).isEqualTo(NotaryErrorCode.UNKNOWN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void concurrentUpdatesFromOneStateNeverInterleave(String kind) throws Exception {
    Clock clock = Clock.systemUTC();
    TestDatabase db = null;
    Database database = null;
    MetadataStore store;
    if (kind.equals("memory")) {
      store = new InMemoryMetadataStore(clock);
    } else {
      db = TestDatabases.sqlite(dir.resolve("trust.db"));
      database = db.open();
      SqlMetadataStore.migrateSchema(database);
      store = new SqlMetadataStore(database, clock);
    }
    try {
      NotaryTrustService service = service(store, clock);
      String gun = "example.com/race/app";
      TestRepo repo = new TestRepo(gun, key(service.key(gun, "timestamp")));
      repo.snapshotRoleKey = key(service.key(gun, "snapshot"));
      service.update(gun, List.of(new UploadedFile("root", repo.root(1)), new UploadedFile("targets", repo.targets(1, Map.of()))));

      int writers = 6;
      List<byte[]> candidates = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        candidates.add(repo.targets(2, Map.of("t" + i, FileMeta.of(("payload " + i).getBytes(UTF_8)))));
      }
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<NotaryErrorCode>> results = new ArrayList<>();
      for (byte[] targets : candidates) {
        results.add(pool.submit(() -> {
          go.await();
          try {
            service.update(gun, List.of(new UploadedFile("targets", targets)));
            return null;
          } catch (NotaryException e) {
            return e.code();
          }
        }));
      }
      go.countDown();
      List<NotaryErrorCode> codes = new ArrayList<>();
      for (Future<NotaryErrorCode> f : results) {
        codes.add(f.get());
      }
      pool.shutdown();
      assertThat(codes.stream().filter(c -> c == null).count()).isEqualTo(1);
      assertThat(codes.stream().filter(c -> c != null)).containsOnly(NotaryErrorCode.VERSION);

      // The stored chain is the winner's, whole: timestamp → snapshot → targets.
      byte[] targets = service.current(gun, "targets").data();
      assertThat(candidates).anySatisfy(c -> assertThat(c).isEqualTo(targets));
      var snapshot = MetadataReader.snapshot(service.current(gun, "snapshot").data(), 1 << 20);
      assertThat(snapshot.signed().version()).isEqualTo(2);
      assertThat(snapshot.signed().meta().get("targets").matches(targets)).isTrue();
      assertThat(MetadataReader.timestamp(service.current(gun, "timestamp").data(), 1 << 20).signed().version()).isEqualTo(2);
    } finally {
      if (database != null) {
        database.close();
      }
      if (db != null) {
        db.close();
      }
    }
  }
}
