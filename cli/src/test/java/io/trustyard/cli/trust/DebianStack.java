package io.trustyard.cli.trust;

import io.trustyard.core.digest.Digest;
import io.trustyard.signer.TestPki;
import io.trustyard.signer.interop.RealNotarySigner;
import io.trustyard.store.Database;
import io.trustyard.store.TestDatabase;
import io.trustyard.store.TestDatabases;
import io.trustyard.trustserver.config.GeneratedTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's docker-registry (distribution 2.8, filesystem storage), the real notary-server (memory
 * storage, TLS from a test CA) and the real notary-signer as its remote trust service (mutual TLS,
 * keys in a PostgreSQL test database), as subprocesses on loopback ports.
 */
final class DebianStack implements AutoCloseable {
  final Path storage;
  final Path caCert;
  final int registryPort;
  final int trustPort;
  private final TestDatabase signerDb;
  private final RealNotarySigner signer;
  private final Process registry;
  private final Process notaryServer;
  private final Path dir;

  DebianStack(Path dir) throws Exception {
    this.dir = dir;
    storage = Files.createDirectories(dir.resolve("registry-storage"));
    registryPort = freePort();
    Path registryConfig = dir.resolve("registry.yml");
    Files.writeString(registryConfig, """
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
        """.formatted(storage, registryPort));
    TestPki signerPki = TestPki.create(dir.resolve("signer-pki"));
    GeneratedTls tls = GeneratedTls.ensure(dir.resolve("pki"), List.of("localhost"), List.of("127.0.0.1"),
        Duration.ofDays(2));
    caCert = tls.caCert;
    trustPort = freePort();
    signerDb = TestDatabases.postgres();
    RealNotarySigner startedSigner = null;
    Process startedRegistry = null;
    Process startedServer = null;
    try {
      startedSigner = RealNotarySigner.start(dir, signerPki, signerDb, Map.of("NOTARY_SIGNER_TIMESTAMP_1",
          "signer-passphrase-1"));
      startedRegistry = new ProcessBuilder("docker-registry", "serve", registryConfig.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
      Path serverConfig = dir.resolve("server-config.json");
      Files.writeString(serverConfig, """
          {"server": {"http_addr": "127.0.0.1:%d", "tls_cert_file": "%s", "tls_key_file": "%s"},
           "trust_service": %s,
           "storage": {"backend": "memory"},
           "logging": {"level": "info"}}
          """.formatted(trustPort, tls.serverCert, tls.serverKey,
          signerPki.notaryServerTrustService(startedSigner.port(), "ecdsa")));
      startedServer = new ProcessBuilder("notary-server", "-config", serverConfig.toString(), "-logf", "logfmt")
          .redirectErrorStream(true).redirectOutput(dir.resolve("notary-server.log").toFile()).start();
      awaitListening(startedRegistry, registryPort, "registry.log");
      awaitListening(startedServer, trustPort, "notary-server.log");
    } catch (Exception | Error e) {
      close(startedServer);
      close(startedRegistry);
      if (startedSigner != null) {
        startedSigner.close();
      }
      signerDb.close();
      throw e;
    }
    signer = startedSigner;
    registry = startedRegistry;
    notaryServer = startedServer;
  }

  /** IDs of the keys notary-signer holds for the repository's role (what notary-server signs with). */
  List<String> signerKeyIds(String gun, String role) {
    try (Database db = signerDb.open()) {
      return db.withConnection(c -> {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_id FROM private_keys WHERE gun = ? AND role = ?")) {
          ps.setString(1, gun);
          ps.setString(2, role);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
        }
        return ids;
      });
    }
  }

  String registryHost() {
    return "127.0.0.1:" + registryPort;
  }

  String trustUrl() {
    return "https://127.0.0.1:" + trustPort;
  }

  Path blobData(String hex) {
    return storage.resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
  }

  /** Replaces text in a blob's data file behind docker-registry's back (it serves what its disk holds). */
  void rewriteBlob(Digest digest, String from, String to) throws IOException {
    Path data = blobData(digest.hex());
    String original = Files.readString(data);
    if (!original.contains(from)) {
      throw new AssertionError(digest + " does not contain " + from);
    }
    Files.writeString(data, original.replace(from, to));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitListening(Process p, int port, String log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new AssertionError(log + ": exited: " + Files.readString(dir.resolve(log)));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        p.waitFor(100, TimeUnit.MILLISECONDS); // poll interval; returns at once if the process died
      }
    }
    throw new AssertionError(log + ": not listening after 30 s: " + Files.readString(dir.resolve(log)));
  }

  @Override
  public void close() {
    close(notaryServer);
    close(registry);
    signer.close();
    signerDb.close();
  }

  private static void close(Process p) {
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
