package io.trustyard.cli.image;

import io.trustyard.client.image.ProgressListener;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --progress}: bars on a terminal, nothing per blob when the output goes to a pipe or file
 * (so scripts and logs get plain lines without escape codes).
 */
final class ProgressOption {

  enum Mode { AUTO, TTY, PLAIN }

  @Option(names = "--progress", paramLabel = "auto|tty|plain",
      description = "Per-blob progress bars: auto (when standard output is a terminal; the default, or"
          + " $TRUSTYARD_PROGRESS), tty (always) or plain (never).")
  Mode mode;

  /** Whether bars are drawn, from the option, else {@code TRUSTYARD_PROGRESS}, else the terminal. */
  boolean tty(Map<String, String> env) {
    Mode m = mode;
    if (m == null) {
      String v = env.getOrDefault("TRUSTYARD_PROGRESS", "auto").trim().toUpperCase(Locale.ROOT);
      try {
        m = Mode.valueOf(v);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("TRUSTYARD_PROGRESS must be auto, tty or plain, not '"
            + env.get("TRUSTYARD_PROGRESS") + "'");
      }
    }
    return switch (m) {
      case TTY -> true;
      case PLAIN -> false;
      case AUTO -> !"dumb".equals(env.get("TERM")) && stdoutIsTerminal();
    };
  }

  /** The listener for a push or pull writing to {@code out}. */
  ProgressListener listener(boolean tty, PrintWriter out, Map<String, String> env) {
    return tty ? new ProgressDisplay(out, columns(env)) : ProgressListener.NONE;
  }

  /** The terminal's width as the shell exports it; 80 when unknown. */
  static int columns(Map<String, String> env) {
    try {
      return Integer.parseInt(env.getOrDefault("COLUMNS", "80").trim());
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /**
   * True when standard output is a terminal. From JDK 22 {@code System.console()} exists even when
   * redirected and {@code isTerminal()} tells; on JDK 21 the console is null unless both standard
   * input and output are a terminal, so its presence is the answer.
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
