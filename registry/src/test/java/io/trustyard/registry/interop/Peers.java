package io.trustyard.registry.interop;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real peers (skopeo, docker-registry) as subprocesses with their own temp config. */
final class Peers {
  private Peers() {}

  record Result(int exit, String output) {}

  static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(workDir, "peer", ".log");
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " timed out: " + Files.readString(log));
    }
    return new Result(p.exitValue(), Files.readString(log));
  }

  /** {@code skopeo copy} over plain HTTP with an accept-anything policy. */
  static Result skopeoCopy(Path workDir, String from, String to, String... extra)
      throws IOException, InterruptedException {
    Path policy = workDir.resolve("policy.json");
    if (!Files.exists(policy)) {
      Files.writeString(policy, "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}");
    }
    List<String> cmd = new ArrayList<>(List.of("skopeo", "--policy", policy.toString(), "copy",
        "--src-tls-verify=false", "--dest-tls-verify=false", "--preserve-digests", "--retry-times", "0"));
    cmd.addAll(List.of(extra));
    cmd.add(from);
    cmd.add(to);
    return run(workDir, cmd);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Debian's docker-registry (distribution 2.8) on a loopback port over {@code root}. */
  static final class DockerRegistry implements AutoCloseable {
    final Process process;
    final int port;
    final Path log;

    DockerRegistry(Path workDir, Path root) throws IOException, InterruptedException {
      port = freePort();
      Path config = workDir.resolve("docker-registry-" + port + ".yml");
      Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
          + root + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n",
          StandardCharsets.UTF_8);
      log = workDir.resolve("docker-registry-" + port + ".log");
      process = new ProcessBuilder("docker-registry", "serve", config.toString()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      awaitReady(port, process, log);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** Polls {@code /v2/} until it answers (readiness, not timing). */
  static void awaitReady(int port, Process process, Path log) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("docker-registry exited: " + Files.readString(log));
      }
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      process.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("docker-registry did not start: " + Files.readString(log));
  }
}
