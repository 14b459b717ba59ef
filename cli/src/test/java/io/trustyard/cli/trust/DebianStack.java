package io.trustyard.cli.trust;

import io.trustyard.trustserver.config.GeneratedTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's docker-registry (distribution 2.8, filesystem storage) and the real notary-server
 * (memory storage, local trust service, TLS from a test CA) as subprocesses on loopback ports.
 */
final class DebianStack implements AutoCloseable {
  final Path storage;
  final Path caCert;
  final int registryPort;
  final int trustPort;
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
    registry = new ProcessBuilder("docker-registry", "serve", registryConfig.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile()).start();

    GeneratedTls tls = GeneratedTls.ensure(dir.resolve("pki"), List.of("localhost"), List.of("127.0.0.1"),
        Duration.ofDays(2));
    caCert = tls.caCert;
    trustPort = freePort();
    Path serverConfig = dir.resolve("server-config.json");
    Files.writeString(serverConfig, """
        {"server": {"http_addr": "127.0.0.1:%d", "tls_cert_file": "%s", "tls_key_file": "%s"},
         "trust_service": {"type": "local", "key_algorithm": "ecdsa"},
         "storage": {"backend": "memory"},
         "logging": {"level": "info"}}
        """.formatted(trustPort, tls.serverCert, tls.serverKey));
    notaryServer = new ProcessBuilder("notary-server", "-config", serverConfig.toString(), "-logf", "logfmt")
        .redirectErrorStream(true).redirectOutput(dir.resolve("notary-server.log").toFile()).start();
    awaitListening(registry, registryPort, "registry.log");
    awaitListening(notaryServer, trustPort, "notary-server.log");
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
    for (Process p : List.of(notaryServer, registry)) {
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
}
