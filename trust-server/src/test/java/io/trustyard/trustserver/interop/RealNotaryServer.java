package io.trustyard.trustserver.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The real notary-server (Debian package) as a subprocess on a loopback port, with TLS from a test CA. */
public final class RealNotaryServer implements AutoCloseable {
  public final String url;
  private final Process process;
  private final Path log;

  private RealNotaryServer(String url, Process process, Path log) {
    this.url = url;
    this.process = process;
    this.log = log;
  }

  /** {@code storageJson} is the {@code storage} object, e.g. {"backend":"postgres","db_url":"..."}. */
  public static RealNotaryServer start(Path dir, TestPki pki, String storageJson) throws Exception {
    Files.createDirectories(dir);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("server-config.json");
    Files.writeString(config, """
        {"server": {"http_addr": "127.0.0.1:%d", "tls_cert_file": "%s", "tls_key_file": "%s"},
         "trust_service": {"type": "local", "key_algorithm": "ecdsa"},
         "storage": %s,
         "logging": {"level": "info"}}
        """.formatted(port, pki.serverCert, pki.serverKey, storageJson));
    Path log = dir.resolve("notary-server.log");
    Process p = new ProcessBuilder("notary-server", "-config", config.toString(), "-logf", "logfmt")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    RealNotaryServer server = new RealNotaryServer("https://127.0.0.1:" + port, p, log);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new AssertionError("notary-server exited: " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return server;
      } catch (IOException notYet) {
        p.waitFor(100, TimeUnit.MILLISECONDS); // poll interval; returns early if the server died
      }
    }
    server.close();
    throw new AssertionError("notary-server did not listen within 30 s: " + Files.readString(log));
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
