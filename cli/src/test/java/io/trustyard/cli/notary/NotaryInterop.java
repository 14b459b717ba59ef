package io.trustyard.cli.notary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the notary interop tests share: one in-process trust server per test class, both CLIs
 * pointed at it from a temporary home, and a small file to add as a target. A subclass's own
 * {@code @BeforeAll} runs after this one, with the server up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotaryInterop {
  Path dir;
  InProcessTrustServer server;
  NotaryClis clis;
  /** {@code payload.txt}, holding {@code payload\n}. */
  Path payload;

  @BeforeAll
  void startTrustServer(@TempDir Path tmp) throws Exception {
    dir = tmp;
    server = InProcessTrustServer.start(dir.resolve("server"));
    clis = new NotaryClis(dir, server);
    payload = dir.resolve("payload.txt");
    Files.writeString(payload, "payload\n");
  }

  @AfterAll
  void stopTrustServer() throws InterruptedException {
    server.close();
  }

  /** {@code gun} with the target {@code tag} (the payload) added and published by the Go CLI from {@code trustDir}. */
  void goPublishes(Path trustDir, String gun, String tag) {
    clis.go(trustDir, "add", gun, tag, payload.toString()).ok();
    clis.go(trustDir, "publish", gun).ok();
  }

  /** The same, by {@code trustyard notary}. */
  void wePublish(Path trustDir, String gun, String tag) {
    clis.ours(trustDir, "add", gun, tag, payload.toString()).ok();
    clis.ours(trustDir, "publish", gun).ok();
  }

  /** A copy of a trust dir (same keys, same cache), for a second CLI to work on. */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
