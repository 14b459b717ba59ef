package io.trustyard.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Wall time of a client command run as a user's script runs it: a fresh process each time, started
 * and waited for from here; the median of several runs after one untimed run (which also lets the
 * {@code ./trustyard} launcher make its start-up cache, once per build).
 */
final class CliTimes {
  private CliTimes() {}

  /** The Go notary CLI with the bench's server, CA and trust dir. */
  static List<String> notary(String url, Path ca, Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", url, "--tlscacert", ca.toString(), "-d",
        trustDir.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** {@code ./trustyard notary ...}: the launcher users run, with the same flags as the Go CLI. */
  static List<String> trustyard(String url, Path ca, Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(List.of(launcher().toString(), "notary", "-s", url, "--tlscacert",
        ca.toString(), "-d", trustDir.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static Path launcher() {
    Path launcher = Trustyard.jar().getParent().getParent().getParent().resolve("trustyard");
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException("the trustyard launcher is missing at " + launcher);
    }
    return launcher;
  }

  /** A HOME of its own, so neither CLI reads the user's ~/.notary/config.json. */
  static Map<String, String> environment(Path home) throws Exception {
    Files.createDirectories(home);
    return Map.of("HOME", home.toString());
  }

  /** Median wall milliseconds of {@code runs} runs after one untimed run; any failure aborts. */
  static double medianMillis(List<String> command, Path work, Map<String, String> env, int runs) throws Exception {
    Subprocesses.run(command, work, env, 300);
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      Subprocesses.run(command, work, env, 300);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
  }
}
