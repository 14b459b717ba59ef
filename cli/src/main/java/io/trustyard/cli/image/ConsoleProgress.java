package io.trustyard.cli.image;

import io.trustyard.client.image.ProgressListener;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Progress of a push or pull as docker shows it: on a terminal one line per blob with a bar that
 * redraws in place ({@code \r}); when the output is not a terminal, only the final status lines.
 */
final class ConsoleProgress implements ProgressListener {

  private static final int BAR = 40;
  private final PrintWriter out;
  private final boolean tty;
  private String current;
  private long total;
  private String action;
  private long lastDrawn = -1;

  ConsoleProgress(PrintWriter out, boolean tty) {
    this.out = out;
    this.tty = tty;
  }

  /** True when standard output is a terminal (JDK 22+ knows; before, a console implies one). */
  static boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public synchronized void started(String id, String action, long total) {
    this.current = id;
    this.total = total;
    this.action = action;
    this.lastDrawn = -1;
    progressed(id, 0);
  }

  @Override
  public synchronized void progressed(String id, long done) {
    if (!tty || !id.equals(current)) {
      return;
    }
    // Redraw at most every 1/200th of the total so big transfers do not flood the terminal.
    if (lastDrawn >= 0 && done != total && done - lastDrawn < Math.max(1, total / 200)) {
      return;
    }
    lastDrawn = done;
    int filled = total <= 0 ? BAR : (int) Math.min(BAR, done * BAR / total);
    String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(BAR - filled);
    out.print("\r" + id + ": " + action + " [" + bar + "] " + human(done) + "/" + human(total) + "   ");
    out.flush();
  }

  @Override
  public synchronized void finished(String id, String status) {
    if (tty) {
      out.print("\r" + id + ": " + status + " ".repeat(BAR + 30) + "\r");
      out.println(id + ": " + status);
      out.flush();
    }
    current = null;
  }

  @Override
  public synchronized void message(String text) {
    if (tty) {
      out.println(text);
      out.flush();
    }
  }

  static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + "B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f%s", v, units[u]);
  }
}
