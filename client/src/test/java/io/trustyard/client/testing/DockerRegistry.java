package io.trustyard.client.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's docker-registry (distribution 2.8) as a subprocess on a loopback port, with its storage
 * in a directory of the test's own. Ready once it logs that it listens.
 */
public final class DockerRegistry implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path storage;
  private final List<String> log = new ArrayList<>();

  private DockerRegistry(Process process, int port, Path storage) {
    this.process = process;
    this.port = port;
    this.storage = storage;
  }

  /** Starts a registry; {@code htpasswd} (may be null) turns on basic auth with that file. */
  public static DockerRegistry start(Path dir, Path htpasswd) throws IOException {
    return launch(dir, htpasswd == null ? "" : """
        auth:
          htpasswd:
            realm: test-realm
            path: %s
        """.formatted(htpasswd));
  }

  /**
   * Starts a registry with docker token auth: clients are sent to {@code realm} for tokens, which
   * must be issued by {@code issuer} for {@code service} and signed by the key of a certificate in
   * {@code rootCertBundle}.
   */
  public static DockerRegistry startWithTokenAuth(Path dir, String realm, String service, String issuer,
      Path rootCertBundle) throws IOException {
    return launch(dir, """
        auth:
          token:
            realm: %s
            service: %s
            issuer: %s
            rootcertbundle: %s
        """.formatted(realm, service, issuer, rootCertBundle));
  }

  private static DockerRegistry launch(Path dir, String auth) throws IOException {
    Path storage = Files.createDirectories(dir.resolve("storage"));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(config, """
        version: 0.1
        log:
          level: info
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
        %s""".formatted(storage, port, auth));
    Process p = new ProcessBuilder("docker-registry", "serve", config.toString())
        .redirectErrorStream(true).start();
    DockerRegistry registry = new DockerRegistry(p, port, storage);
    registry.awaitListening();
    return registry;
  }

  private void awaitListening() throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      log.add(line);
      if (line.contains("listening on")) {
        Thread drain = new Thread(() -> {
          try {
            while (reader.readLine() != null) {
              // Keep the pipe from filling up.
            }
          } catch (IOException ignored) {
            // The process ended.
          }
        });
        drain.setDaemon(true);
        drain.start();
        return;
      }
    }
    throw new IOException("docker-registry exited before listening:\n" + String.join("\n", log));
  }

  /** {@code 127.0.0.1:port}, the registry part of image references. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** The root of distribution's storage tree ({@code docker/registry/v2/...}). */
  public Path storage() {
    return storage.resolve("docker/registry/v2");
  }

  /** Where distribution keeps the bytes of a blob. */
  public Path blobData(String hex) {
    return storage().resolve("blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
