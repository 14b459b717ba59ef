package io.trustyard.cli.sandbox;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trustyard sandbox up}: starts the sandbox in the foreground until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Start the sandbox in the foreground (Ctrl-C stops it).")
public final class SandboxUpCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin UpOptions options;

  @Override
  public Integer call() {
    return up(options, spec.commandLine().getOut(), spec.commandLine().getErr(), System.getenv());
  }

  static int up(UpOptions options, PrintWriter out, PrintWriter err, Map<String, String> env) {
    // What a person waits for: from the JVM's start (class loading included) to every service up.
    Instant started = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    SandboxSettings settings;
    try {
      settings = options.settings(env);
    } catch (IllegalArgumentException e) {
      err.println("trustyard sandbox: " + e.getMessage());
      err.flush();
      return 2;
    }
    var running = SandboxState.read(settings.dataDir()).flatMap(SandboxState::process);
    if (running.isPresent()) {
      err.println("trustyard sandbox: a sandbox already runs on " + settings.dataDir() + " (pid " + running.get().pid()
          + "); `trustyard sandbox down` stops it");
      err.flush();
      return 2;
    }
    String mode = options.multiProcess ? "one process per service" : "one process";
    AutoCloseable handle;
    try {
      handle = options.multiProcess ? SandboxProcesses.start(settings, env) : Sandbox.start(settings, env);
      SandboxState.of(settings, options.multiProcess ? "multi-process" : "single-process").write(settings.dataDir());
    } catch (PortInUseException e) {
      err.println("trustyard sandbox: " + e.getMessage());
      err.flush();
      return 2;
    } catch (Exception e) {
      err.println("trustyard sandbox: " + e.getMessage());
      err.flush();
      return 1;
    }
    CountDownLatchCloser closer = new CountDownLatchCloser(handle, settings);
    Thread hook = new Thread(closer::close, "sandbox-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.print(SandboxReport.ready(settings, mode, Duration.between(started, Instant.now())));
    out.flush();
    try {
      closer.await();
    } catch (InterruptedException e) {
      closer.close();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is stopping the sandbox.
      }
    }
    return 0;
  }

  /** Stops the services once (from Ctrl-C's hook or an interrupt) and lets {@link #up} return. */
  private static final class CountDownLatchCloser {
    private final AutoCloseable handle;
    private final SandboxSettings settings;
    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

    CountDownLatchCloser(AutoCloseable handle, SandboxSettings settings) {
      this.handle = handle;
      this.settings = settings;
    }

    synchronized void close() {
      if (done.getCount() == 0) {
        return;
      }
      try {
        handle.close();
      } catch (Exception e) {
        System.err.println("trustyard sandbox: stopping failed: " + e.getMessage());
      }
      SandboxState.clear(settings.dataDir());
      done.countDown();
    }

    void await() throws InterruptedException {
      done.await();
    }
  }
}
