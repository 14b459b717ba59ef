package io.trustyard.benchmark;

import java.io.IOException;
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

  /**
   * The JVM option that keeps a server's log to warnings: the CLI logs one access line per request
   * at INFO, and the peers run with their access logs off too. The config file goes in {@code dir}.
   */
  static String warningsOnly(Path dir) throws IOException {
    Path logback = dir.resolve("trustyard-logback.xml");
    Files.writeString(logback, "<configuration><appender name=\"E\" class=\"ch.qos.logback.core.ConsoleAppender\">"
        + "<target>System.err</target><encoder><pattern>%level %logger %msg%n</pattern></encoder></appender>"
        + "<root level=\"WARN\"><appender-ref ref=\"E\"/></root></configuration>");
    return "-Dlogback.configurationFile=" + logback;
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
