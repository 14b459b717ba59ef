package io.trustyard.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run the {@code trustyard} CLI jar (built by scripts/bench.sh) as its own process: the same
 * JVM as this one, the flags of deploy/Dockerfile, nothing tuned for the benchmark
 * ({@code BENCH_TRUSTYARD_JAVA_OPTS} adds JVM flags, for profiling).
 */
final class Trustyard {
  private Trustyard() {}

  /** The CLI jar: {@code BENCH_TRUSTYARD_JAR}, else {@code cli/target/trustyard.jar} of the checkout. */
  static Path jar() {
    String v = System.getenv("BENCH_TRUSTYARD_JAR");
    Path jar = Path.of(v == null || v.isBlank() ? "cli/target/trustyard.jar" : v).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; scripts/bench.sh builds it (./mvnw -pl cli -am package)");
    }
    return jar;
  }

  /** {@code java [jvmOptions] -jar trustyard.jar args...}. */
  static List<String> javaCommand(List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.addAll(jvmOptions);
    // For profiling or trying JVM flags on Trustyard's servers only (e.g. -XX:StartFlightRecording=...).
    String extra = System.getenv("BENCH_TRUSTYARD_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    return cmd;
  }
}
