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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real notary-server with {@code trust_service.type = remote} uses our signer (started from a
 * notary-signer config file: SQLite storage, mutual TLS) while the real notary CLI inits, publishes and lists a repository through it: the
 * server gets its timestamp key from our CreateKey and signs every timestamp with our Sign.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotaryServerInteropTest {

  private static final String GUN = "example.com/interop/app";
  private Path dir;
  private TestPki pki;
  private Database db;
  private SignerRunner signer;
  private Subprocess notaryServer;
  private int serverPort;

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

    serverPort = Subprocess.freePort();
    Path config = dir.resolve("server-config.json");
    Files.writeString(config, """
        {"server": {"http_addr": "127.0.0.1:%d", "tls_cert_file": "%s", "tls_key_file": "%s"},
         "trust_service": {"type": "remote", "hostname": "127.0.0.1", "port": "%d", "key_algorithm": "ecdsa",
                           "tls_ca_file": "%s", "tls_client_cert": "%s", "tls_client_key": "%s"},
         "storage": {"backend": "memory"},
         "logging": {"level": "info"}}
        """.formatted(serverPort, pki.serverCert(), pki.serverKey(), signer.port(), pki.ca(), pki.clientCert(),
        pki.clientKey()));
    notaryServer = Subprocess.start("notary-server", List.of("notary-server", "-config", config.toString()), Map.of(), dir);
    notaryServer.awaitReady(() -> listening(serverPort), Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    if (notaryServer != null) {
      notaryServer.close();
    }
    if (signer != null) {
      signer.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void notaryPublishesThroughNotaryServerSigningTimestampsWithOurSigner() throws Exception {
    Files.writeString(dir.resolve("target.txt"), "hello from the interop test\n");
    assertSucceeds(notary("init", GUN));
    assertSucceeds(notary("add", GUN, "v1", "target.txt"));
    assertSucceeds(notary("publish", GUN));
    Subprocess.Result list = notary("list", GUN);
    assertSucceeds(list);
    assertThat(list.output()).contains("v1").contains("28");

    // A second publish signs a new timestamp with the same key.
    assertSucceeds(notary("add", GUN, "v2", "target.txt"));
    assertSucceeds(notary("publish", GUN));
    assertThat(notary("list", GUN).output()).contains("v1").contains("v2");

    List<StoredKey> timestampKeys = keysOfRole("timestamp");
    assertThat(timestampKeys).hasSize(1);
    StoredKey timestampKey = timestampKeys.get(0);
    assertThat(timestampKey.gun()).isEqualTo(GUN);
    assertThat(timestampKey.algorithm()).isEqualTo("ecdsa");
    assertThat(timestampKey.lastUsed()).isPresent();

    JsonNode timestamp = new ObjectMapper().readTree(
        dir.resolve("trust/tuf/" + GUN + "/metadata/timestamp.json").toFile());
    assertThat(timestamp.path("signed").path("version").asInt()).isEqualTo(2);
    assertThat(timestamp.path("signatures").get(0).path("keyid").asText()).isEqualTo(timestampKey.keyId());
    assertThat(timestamp.path("signatures").get(0).path("method").asText()).isEqualTo("ecdsa");
    assertThat(notaryServer.log()).doesNotContain("level=error").doesNotContain("\"level\":\"error\"");
  }

  private List<StoredKey> keysOfRole(String role) {
    return db.withConnection(c -> {
      List<StoredKey> found = new ArrayList<>();
      SqlKeyStore store = new SqlKeyStore(db, Clock.systemUTC());
      try (PreparedStatement ps = c.prepareStatement("SELECT key_id FROM private_keys WHERE role = ?")) {
        ps.setString(1, role);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(store.get(rs.getString(1)).orElseThrow());
          }
        }
      }
      return found;
    });
  }

  private Subprocess.Result notary(String... args) {
    List<String> command = new ArrayList<>(List.of("notary", "-d", dir.resolve("trust").toString(),
        "-s", "https://127.0.0.1:" + serverPort, "--tlscacert", pki.ca().toString()));
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>();
    env.put("HOME", dir.toString());
    env.put("NOTARY_ROOT_PASSPHRASE", "root passphrase");
    env.put("NOTARY_TARGETS_PASSPHRASE", "targets passphrase");
    env.put("NOTARY_SNAPSHOT_PASSPHRASE", "snapshot passphrase");
    return Subprocess.run(command, env, dir, Duration.ofSeconds(90));
  }

  private void assertSucceeds(Subprocess.Result result) {
    assertThat(result.exitCode()).as("notary output: %s%nnotary-server log: %s", result.output(), notaryServer.log())
        .isZero();
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
