package io.trustyard.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the benchmark starts goes through here, so that a failure, Ctrl-C or SIGTERM
 * (scripts/bench.sh forwards it) stops them all, children included, before the JVM exits.
 */
final class Subprocesses {
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Subprocesses::stopAll, "bench-stop-subprocesses"));
  }

  private Subprocesses() {}

  /** Starts {@code command} with stdout and stderr into {@code log}, tracked until {@link #stop}. */
  static Process start(List<String> command, Path log, Map<String, String> environment) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(environment);
    Process p = pb.start();
    RUNNING.add(p);
    return p;
  }

  /**
   * Runs a client command to completion within {@code timeoutSeconds}; returns its output, or
   * throws with that output when it fails or overruns.
   */
  static String run(List<String> command, Path workDir, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(workDir, "cmd", ".log");
    Process p = start(command, log, environment);
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s: "
            + Files.readString(log));
      }
      String output = Files.readString(log);
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + output);
      }
      return output;
    } finally {
      stop(p);
      Files.deleteIfExists(log);
    }
  }

  /** SIGTERM to the process and its descendants, SIGKILL after 10 s. */
  static void stop(Process p) {
    try {
      List<ProcessHandle> children = p.descendants().toList();
      p.destroy();
      children.forEach(ProcessHandle::destroy);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      RUNNING.remove(p);
    }
  }

  /** Peak resident set size (VmHWM) of {@code pid} so far, in MiB, or NaN where /proc cannot tell. */
  static double peakRssMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return Double.NaN;
  }

  private static void stopAll() {
    for (Process p : List.copyOf(RUNNING)) {
      stop(p);
    }
  }
}
