package io.trustyard.trustserver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.store.Database;
import io.trustyard.store.TestDatabase;
import io.trustyard.store.TestDatabases;
import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.trustserver.storage.SqlMetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real notary-server and ours on one PostgreSQL database: what either publishes, the real
 * notary CLI lists through the other.
 */
class SharedDatabaseInteropTest {
  private static final Map<String, String> PASSPHRASES = Map.of(
      "NOTARY_ROOT_PASSPHRASE", "root-pass-1234",
      "NOTARY_TARGETS_PASSPHRASE", "targets-pass-1234",
      "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-1234");

  @TempDir Path dir;

  private Peer.Result notary(String url, Path ca, Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", url, "--tlscacert", ca.toString(), "-d", trustDir.toString()));
    cmd.addAll(List.of(args));
    return Peer.run(dir, PASSPHRASES, null, cmd);
  }

  @Test
  void realNotaryServerAndOursServeEachOthersRepositories() throws Exception {
    Path payload = dir.resolve("payload.txt");
    Files.writeString(payload, "shared database\n");
    try (TestDatabase db = TestDatabases.postgres(); Database database = db.open()) {
      // Our migrations create notary-server's tables; notary-server ships none.
      SqlMetadataStore.migrateSchema(database);
      SqlMetadataStore store = new SqlMetadataStore(database, Clock.systemUTC());
      String storage = "{\"backend\": \"postgres\", \"db_url\": \"postgres://postgres@"
          + db.url().jdbcUrl().substring("jdbc:postgresql://".length()) + "?sslmode=disable\"}";
      try (RunningServer ours = new RunningServer(dir.resolve("ours"), store,
              new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("test-passphrase"), "default",
                  new SecureRandom(), Clock.systemUTC(), () -> {}), Authorizer.NONE);
          RealNotaryServer real = RealNotaryServer.start(dir.resolve("real"), ours.pki, storage)) {
        Path ca = ours.pki.caCert;

        String fromReal = "example.com/shared/written-by-notary-server";
        notary(real.url, ca, dir.resolve("alice"), "init", fromReal).ok();
        notary(real.url, ca, dir.resolve("alice"), "add", fromReal, "real-v1", payload.toString(), "-p").ok();
        assertThat(notary(ours.url, ca, dir.resolve("bob"), "list", fromReal).ok().output()).contains("real-v1");

        String fromOurs = "example.com/shared/written-by-trustyard";
        notary(ours.url, ca, dir.resolve("alice"), "init", fromOurs).ok();
        notary(ours.url, ca, dir.resolve("alice"), "add", fromOurs, "ours-v1", payload.toString(), "-p").ok();
        assertThat(notary(real.url, ca, dir.resolve("carol"), "list", fromOurs).ok().output()).contains("ours-v1");

        // Both servers' timestamps landed in the one changefeed.
        assertThat(store.changes(new io.trustyard.trustserver.storage.ChangeQuery(null, 0, 100, false)))
            .extracting(c -> c.gun()).contains(fromReal, fromOurs);
      }
    }
  }
}
