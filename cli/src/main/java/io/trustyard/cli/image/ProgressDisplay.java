package io.trustyard.cli.image;

import io.trustyard.client.image.ProgressListener;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Push and pull progress on a terminal, as docker draws it: one line per blob, in the order the
 * blobs first appear, each redrawn in place (cursor up, clear line, write, cursor down) as its
 * bytes come through or its status changes.
 *
 * <p>The cursor always rests at the start of the line below the last one drawn, so the line of
 * an entry is found by counting lines back from there. That only holds while nothing else writes
 * to the terminal between two events of a transfer; the push and pull flows print their other
 * lines (trust progress, prompts) before the first blob or after the last.
 */
final class ProgressDisplay implements ProgressListener {

  static final String ESC = "\u001b[";
  private static final int BAR = 30;

  private final PrintWriter out;
  private final int columns;
  /** Line number (0-based, counted from our first line) of each blob's line. */
  private final Map<String, Integer> lineOf = new HashMap<>();
  private final Map<String, Entry> entries = new HashMap<>();
  private int lines;

  private static final class Entry {
    String action;
    long total;
    String drawn;
  }

  /** {@code columns}: the terminal's width; lines are cut to fit so none wraps (which would break the counting). */
  ProgressDisplay(PrintWriter out, int columns) {
    this.out = out;
    this.columns = Math.max(20, columns);
  }

  @Override
  public synchronized void started(String id, String action, long total) {
    Entry e = entries.computeIfAbsent(id, k -> new Entry());
    e.action = action;
    e.total = total;
    draw(id, bar(id, action, 0, total));
  }

  @Override
  public synchronized void progressed(String id, long done) {
    Entry e = entries.get(id);
    if (e == null || e.action == null) {
      return;
    }
    draw(id, bar(id, e.action, done, e.total));
  }

  @Override
  public synchronized void finished(String id, String status) {
    entries.computeIfAbsent(id, k -> new Entry()).action = null;
    draw(id, id + ": " + status);
  }

  /** Printed whole (a digest must not be cut); the flows print these before or after the transfers. */
  @Override
  public synchronized void message(String text) {
    out.print(text + "\n");
    lines++;
    out.flush();
  }

  /** Writes the blob's line, appending it the first time and redrawing it in place after; unchanged text is not redrawn. */
  private void draw(String id, String text) {
    String line = fit(text);
    Entry e = entries.get(id);
    if (line.equals(e.drawn)) {
      return;
    }
    e.drawn = line;
    Integer at = lineOf.get(id);
    if (at == null) {
      lineOf.put(id, lines);
      out.print(line + "\n");
      lines++;
    } else {
      int up = lines - at;
      out.print(ESC + up + "A\r" + ESC + "2K" + line + "\r" + ESC + up + "B");
    }
    out.flush();
  }

  private String fit(String text) {
    return text.length() < columns ? text : text.substring(0, columns - 1);
  }

  static String bar(String id, String action, long done, long total) {
    int filled = total <= 0 ? BAR : (int) Math.min(BAR, done * BAR / total);
    String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(BAR - filled);
    return id + ": " + action + " [" + bar + "] " + human(done) + "/" + human(total);
  }

  /** Sizes as docker prints them: decimal units, one decimal place. */
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
