package io.trustyard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The training run behind the launcher's start-up cache ({@code -XX:AOTCacheOutput}): runs the
 * client commands people script, against a throw-away trust directory and a server address that
 * refuses connections, so the classes those commands load (picocli, the notary commands, TLS and
 * HTTP client set-up, JSON) are in the cache. Output is discarded; failures are expected and
 * ignored, since only what gets loaded matters.
 */
public final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("trustyard-training");
    try {
      String trust = dir.resolve("trust").toString();
      String server = "https://127.0.0.1:" + closedPort();
      // Only what these commands load: the JVM maps every class of the cache at each start, so
      // training on everything (help, servers) would slow down the commands it is meant to speed up.
      List<List<String>> commands = List.of(
          List.of("notary", "-d", trust, "key", "list"),
          List.of("notary", "-d", trust, "-s", server, "list", "example.com/training"),
          List.of("notary", "-d", trust, "-s", server, "lookup", "example.com/training", "latest"));
      for (List<String> command : commands) {
        String[] argv = command.toArray(String[]::new);
        CommandLine cli = Main.newCommandLine(argv);
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        cli.setOut(sink).setErr(sink);
        try {
          cli.execute(argv);
        } catch (RuntimeException | LinkageError e) {
          // Training only loads classes; a command that fails here has still loaded them.
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A loopback port nothing listens on: connections are refused at once. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
