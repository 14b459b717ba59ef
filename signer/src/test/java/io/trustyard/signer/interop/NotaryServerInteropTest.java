package io.trustyard.signer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.signer.TestPki;
import io.trustyard.signer.config.SignerConfigReader;
import io.trustyard.signer.config.SignerRunner;
import io.trustyard.signer.keys.SqlKeyStore;
import io.trustyard.signer.keys.StoredKey;
import io.trustyard.store.Database;
import io.trustyard.store.DatabaseUrl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real notary-server with {@code trust_service.type = remote} uses our signer (started from a
 * notary-signer config file: SQLite storage, mutual TLS) while the real notary CLI inits, publishes and lists a repository through it: the
 * server gets its timestamp key from our CreateKey and signs every timestamp with our Sign.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotaryServerInteropTest {

  private Path dir;
  private TestPki pki;
  private Database db;
  private SignerRunner signer;

  @BeforeAll
  void start(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    pki = TestPki.create(dir.resolve("pki"));
    // Our signer runs from a notary-signer config file, as notary-signer would.
    Path signerConfig = dir.resolve("signer-config.json");
    Files.writeString(signerConfig, """
        {"server": {"grpc_addr": "127.0.0.1:0", "tls_cert_file": "pki/signer.crt", "tls_key_file": "pki/signer.key",
                    "client_ca_file": "pki/ca.crt"},
         "logging": {"level": "info"},
         "storage": {"backend": "sqlite3", "db_url": "%s", "default_alias": "timestamp_1"}}
        """.formatted(dir.resolve("signer.db")));
    signer = SignerRunner.start(SignerConfigReader.read(signerConfig, Map.of("NOTARY_SIGNER_TIMESTAMP_1", "signer passphrase")),
        Map.of("NOTARY_SIGNER_TIMESTAMP_1", "signer passphrase"), new SecureRandom(), Clock.systemUTC());
    db = Database.open(DatabaseUrl.sqlite(dir.resolve("signer.db")));

  }

  @AfterAll
  void stop() {
    if (signer != null) {
      signer.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @ParameterizedTest
  @CsvSource({"ecdsa,ecdsa", "ed25519,eddsa", "rsa,rsapss"})
  void notaryPublishesThroughNotaryServerSigningTimestampsWithOurSigner(String keyAlgorithm, String method)
      throws Exception {
    String gun = "example.com/interop/" + keyAlgorithm;
    int serverPort = Subprocess.freePort();
    Path config = dir.resolve("server-config-" + keyAlgorithm + ".json");
    Files.writeString(config, """
        {"server": {"http_addr": "127.0.0.1:%d", "tls_cert_file": "%s", "tls_key_file": "%s"},
         "trust_service": %s,
         "storage": {"backend": "memory"},
         "logging": {"level": "info"}}
        """.formatted(serverPort, pki.serverCert(), pki.serverKey(),
        pki.notaryServerTrustService(signer.port(), keyAlgorithm)));
    try (Subprocess notaryServer = Subprocess.start("notary-server-" + keyAlgorithm,
        List.of("notary-server", "-config", config.toString()), Map.of(), dir)) {
      notaryServer.awaitReady(() -> listening(serverPort), Duration.ofSeconds(60));
      Notary notary = new Notary(serverPort, dir.resolve("trust-" + keyAlgorithm), notaryServer);

      Files.writeString(dir.resolve("target.txt"), "hello from the interop test\n");
      notary.succeeds("init", gun);
      notary.succeeds("add", gun, "v1", "target.txt");
      notary.succeeds("publish", gun);
      assertThat(notary.succeeds("list", gun)).contains("v1");
      // A second publish signs a new timestamp with the same key.
      notary.succeeds("add", gun, "v2", "target.txt");
      notary.succeeds("publish", gun);
      assertThat(notary.succeeds("list", gun)).contains("v1").contains("v2");

      List<StoredKey> timestampKeys = keysOf(gun, "timestamp");
      assertThat(timestampKeys).hasSize(1);
      StoredKey timestampKey = timestampKeys.get(0);
      assertThat(timestampKey.algorithm()).isEqualTo(keyAlgorithm);
      assertThat(timestampKey.lastUsed()).isPresent();

      JsonNode timestamp = new ObjectMapper().readTree(
          dir.resolve("trust-" + keyAlgorithm + "/tuf/" + gun + "/metadata/timestamp.json").toFile());
      assertThat(timestamp.path("signed").path("version").asInt()).isEqualTo(2);
      assertThat(timestamp.path("signatures").get(0).path("keyid").asText()).isEqualTo(timestampKey.keyId());
      assertThat(timestamp.path("signatures").get(0).path("method").asText()).isEqualTo(method);
      assertThat(notaryServer.log()).doesNotContain("level=error").doesNotContain("\"level\":\"error\"");
    }
  }

  private List<StoredKey> keysOf(String gun, String role) {
    return db.withConnection(c -> {
      List<StoredKey> found = new ArrayList<>();
      SqlKeyStore store = new SqlKeyStore(db, Clock.systemUTC());
      try (PreparedStatement ps = c.prepareStatement("SELECT key_id FROM private_keys WHERE gun = ? AND role = ?")) {
        ps.setString(1, gun);
        ps.setString(2, role);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(store.get(rs.getString(1)).orElseThrow());
          }
        }
      }
      return found;
    });
  }

  /** The real notary CLI with its own trust dir, talking to one notary-server. */
  private record Notary(int serverPort, Path trustDir, Subprocess server) {
    String succeeds(String... args) {
      List<String> command = new ArrayList<>(List.of("notary", "-d", trustDir.toString(),
          "-s", "https://127.0.0.1:" + serverPort, "--tlscacert", trustDir.getParent().resolve("pki/ca.crt").toString()));
      command.addAll(List.of(args));
      Map<String, String> env = new HashMap<>();
      env.put("HOME", trustDir.getParent().toString());
      env.put("NOTARY_ROOT_PASSPHRASE", "root passphrase");
      env.put("NOTARY_TARGETS_PASSPHRASE", "targets passphrase");
      env.put("NOTARY_SNAPSHOT_PASSPHRASE", "snapshot passphrase");
      Subprocess.Result result = Subprocess.run(command, env, trustDir.getParent(), Duration.ofSeconds(90));
      assertThat(result.exitCode()).as("notary %s: %s%nnotary-server log: %s", args[0], result.output(), server.log())
          .isZero();
      return result.output();
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
