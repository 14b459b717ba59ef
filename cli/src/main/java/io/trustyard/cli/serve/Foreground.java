package io.trustyard.cli.serve;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs a service in the foreground: started, announced, then served until Ctrl-C or SIGTERM (a
 * shutdown hook closes it) or until the thread is interrupted (tests), closing it exactly once.
 */
final class Foreground {
  private Foreground() {}

  /** Blocks until the service stops. */
  interface Awaiting<S> {
    void await(S service) throws InterruptedException;
  }

  /** 0 once stopped; 1 (with the reason on {@code err}) if it cannot start or fails. */
  static <S extends AutoCloseable> int serve(String command, PrintWriter err, Callable<S> start, Consumer<S> announce,
      Awaiting<S> awaiting) {
    boolean interrupted = false;
    try (S service = start.call()) {
      announce.accept(service);
      Thread shutdown = new Thread(() -> closeQuietly(service), command + "-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdown);
      try {
        awaiting.await(service);
      } catch (InterruptedException e) {
        interrupted = true; // asked to stop: the service closes below, then the flag is restored
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdown);
        } catch (IllegalStateException alreadyShuttingDown) {
          // The hook is closing the service.
        }
      }
    } catch (Exception e) {
      err.println("trustyard serve " + command + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void closeQuietly(AutoCloseable service) {
    try {
      service.close();
    } catch (Exception e) {
      System.err.println("stopping failed: " + e.getMessage());
    }
  }
}
