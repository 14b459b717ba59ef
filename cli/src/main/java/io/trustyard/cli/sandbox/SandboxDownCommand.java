package io.trustyard.cli.sandbox;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trustyard sandbox down [-v]}: stops a running sandbox; with {@code -v} also deletes all it made. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Stop the sandbox; with -v also delete its data directory (keys, images, registry storage).")
public final class SandboxDownCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "Data directory (default: $TRUSTYARD_SANDBOX_DIR, else ./.sandbox).")
  Path dir;

  @Option(names = {"-v", "--volumes"}, description = "Also delete everything the sandbox made, as `docker compose down -v`.")
  boolean volumes;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path data = SandboxSettings.dataDir(dir, System.getenv());
    Optional<ProcessHandle> running = SandboxState.read(data).flatMap(SandboxState::process);
    if (running.isPresent()) {
      ProcessHandle p = running.get();
      // The sandbox stops cleanly on SIGTERM (its shutdown hook closes every service).
      p.destroy();
      try {
        p.onExit().get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        err.println("trustyard sandbox down: the sandbox (pid " + p.pid() + ") did not stop within 60 s");
        err.flush();
        return 1;
      }
      out.println("Stopped the sandbox (pid " + p.pid() + ")");
    } else {
      out.println("The sandbox is not running");
    }
    SandboxState.clear(data);
    if (volumes) {
      try {
        SandboxFiles.remove(data);
      } catch (IllegalStateException e) {
        err.println("trustyard sandbox down: " + e.getMessage());
        err.flush();
        return 1;
      }
      out.println("Removed " + data);
    }
    out.flush();
    return 0;
  }
}
