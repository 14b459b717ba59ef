package io.trustyard.cli.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One service of the multi-process sandbox: {@code trustyard serve ...} as its own OS process (this
 * same program), its output forwarded line by line under the service's name, ready once it has
 * printed its listening line.
 */
final class ServiceProcess implements AutoCloseable {
  private static final int KEPT_LINES = 40;

  private final String name;
  private final Process process;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Deque<String> lastLines = new ArrayDeque<>();

  private ServiceProcess(String name, Process process, String readyText, PrintStream log) {
    this.name = name;
    this.process = process;
    Thread pump = new Thread(() -> pump(readyText, log), name + "-output");
    pump.setDaemon(true);
    pump.start();
  }

  static ServiceProcess start(String name, List<String> args, Map<String, String> extraEnv, Path workDir,
      String readyText, PrintStream log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
        absoluteClassPath(), "io.trustyard.cli.Main"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    pb.environment().putAll(extraEnv);
    return new ServiceProcess(name, pb.start(), readyText, log);
  }

  private static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      entries.add(Path.of(entry).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private void pump(String readyText, PrintStream log) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (lastLines) {
          lastLines.addLast(line);
          if (lastLines.size() > KEPT_LINES) {
            lastLines.removeFirst();
          }
        }
        log.println(name + " | " + line);
        if (line.contains(readyText)) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // The process closed its output: it ended.
    } finally {
      ready.countDown();
    }
  }

  /** Waits until the service says it listens; a service that ends first fails with its last output. */
  void awaitReady(long seconds) throws InterruptedException {
    boolean signalled = ready.await(seconds, TimeUnit.SECONDS);
    if (!signalled || !process.isAlive()) {
      String tail;
      synchronized (lastLines) {
        tail = String.join("\n  ", lastLines);
      }
      throw new IllegalStateException("the " + name + " process " + (signalled ? "ended" : "did not get ready within "
          + seconds + " s") + "; its last output:\n  " + tail);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM (the service's shutdown hook stops it cleanly), then a kill after 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
