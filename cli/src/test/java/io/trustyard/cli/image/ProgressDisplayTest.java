package io.trustyard.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal progress display: what it writes for a scripted push or pull, and what a terminal shows. */
class ProgressDisplayTest {

  private final StringWriter raw = new StringWriter();
  private final ProgressDisplay display = new ProgressDisplay(new PrintWriter(raw), 80);

  /** The part of the output written since {@code from}. */
  private String since(int from) {
    return raw.toString().substring(from);
  }

  @Test
  void eachBlobHasALineRedrawnInPlaceAndTheTerminalEndsWithTheStatuses() {
    display.finished("aaaaaaaaaaaa", "Already exists");
    display.started("bbbbbbbbbbbb", "Downloading", 2000);
    display.started("cccccccccccc", "Downloading", 3_000_000);
    assertThat(Screen.of(raw.toString())).containsExactly(
        "aaaaaaaaaaaa: Already exists",
        "bbbbbbbbbbbb: Downloading [                              ] 0B/2.0kB",
        "cccccccccccc: Downloading [                              ] 0B/3.0MB");

    int mark = raw.toString().length();
    display.progressed("bbbbbbbbbbbb", 1000);
    // Two lines up to b's line, clear it, write, back down to the line below the last.
    assertThat(since(mark)).isEqualTo("\u001b[2A\r\u001b[2K"
        + "bbbbbbbbbbbb: Downloading [==============>               ] 1.0kB/2.0kB\r\u001b[2B");

    mark = raw.toString().length();
    display.progressed("bbbbbbbbbbbb", 1001);
    assertThat(since(mark)).as("nothing visible changed, nothing is redrawn").isEmpty();

    display.progressed("cccccccccccc", 1_500_000);
    assertThat(Screen.of(raw.toString())).containsExactly(
        "aaaaaaaaaaaa: Already exists",
        "bbbbbbbbbbbb: Downloading [==============>               ] 1.0kB/2.0kB",
        "cccccccccccc: Downloading [==============>               ] 1.5MB/3.0MB");

    display.progressed("bbbbbbbbbbbb", 2000);
    display.finished("bbbbbbbbbbbb", "Pull complete");
    display.progressed("cccccccccccc", 3_000_000);
    assertThat(Screen.of(raw.toString()).get(2))
        .isEqualTo("cccccccccccc: Downloading [=============================>] 3.0MB/3.0MB");
    display.finished("cccccccccccc", "Pull complete");
    display.message("Digest: sha256:0123");
    display.progressed("cccccccccccc", 5);
    assertThat(Screen.of(raw.toString())).containsExactly(
        "aaaaaaaaaaaa: Already exists",
        "bbbbbbbbbbbb: Pull complete",
        "cccccccccccc: Pull complete",
        "Digest: sha256:0123");
  }

  @Test
  void aLineAfterAMessageIsStillFoundAndLongLinesAreCutToTheWidth() {
    ProgressDisplay narrow = new ProgressDisplay(new PrintWriter(raw), 40);
    narrow.message("latest: Pulling from team/app");
    narrow.started("dddddddddddd", "Pushing", 10_000);
    narrow.message("a line of its own");
    narrow.progressed("dddddddddddd", 10_000);
    List<String> screen = Screen.of(raw.toString());
    assertThat(screen).hasSize(3);
    assertThat(screen.get(1)).isEqualTo("dddddddddddd: Pushing [" + "=".repeat(16));
    assertThat(screen.get(2)).isEqualTo("a line of its own");
    assertThat(screen).allSatisfy(l -> assertThat(l.length()).isLessThan(40));
  }

  @Test
  void barsOnlyWhenAskedOrOnATerminal() {
    ProgressOption option = new ProgressOption();
    assertThat(option.tty(Map.of("TRUSTYARD_PROGRESS", "tty"))).isTrue();
    assertThat(option.tty(Map.of("TRUSTYARD_PROGRESS", "plain"))).isFalse();
    // Surefire's JVM has its standard streams on pipes: no terminal.
    assertThat(option.tty(Map.of())).isFalse();
    option.mode = ProgressOption.Mode.TTY;
    assertThat(option.tty(Map.of("TRUSTYARD_PROGRESS", "plain"))).as("the option wins").isTrue();
    option.mode = ProgressOption.Mode.AUTO;
    assertThat(option.tty(Map.of("TERM", "dumb"))).isFalse();
    assertThat(ProgressOption.columns(Map.of("COLUMNS", "132"))).isEqualTo(132);
    assertThat(ProgressOption.columns(Map.of("COLUMNS", "wide"))).isEqualTo(80);
    assertThat(ProgressDisplay.human(999)).isEqualTo("999B");
    assertThat(ProgressDisplay.human(1_234_567)).isEqualTo("1.2MB");
  }

  /** The text a terminal shows after receiving {@code output}: handles what the display writes. */
  static final class Screen {
    static List<String> of(String output) {
      List<StringBuilder> rows = new ArrayList<>();
      rows.add(new StringBuilder());
      int row = 0;
      int col = 0;
      for (int i = 0; i < output.length(); i++) {
        char c = output.charAt(i);
        if (c == '\n') {
          row++;
          col = 0;
          while (rows.size() <= row) {
            rows.add(new StringBuilder());
          }
        } else if (c == '\r') {
          col = 0;
        } else if (c == '\u001b') {
          int end = i + 2;
          while (!Character.isLetter(output.charAt(end))) {
            end++;
          }
          String arg = output.substring(i + 2, end);
          switch (output.charAt(end)) {
            case 'A' -> row = Math.max(0, row - Integer.parseInt(arg));
            case 'B' -> row += Integer.parseInt(arg);
            case 'K' -> rows.get(row).setLength(0);
            default -> throw new AssertionError("unexpected escape " + arg + output.charAt(end));
          }
          while (rows.size() <= row) {
            rows.add(new StringBuilder());
          }
          i = end;
        } else {
          StringBuilder line = rows.get(row);
          while (line.length() < col) {
            line.append(' ');
          }
          if (col < line.length()) {
            line.setCharAt(col, c);
          } else {
            line.append(c);
          }
          col++;
        }
      }
      List<String> text = new ArrayList<>(rows.stream().map(StringBuilder::toString).toList());
      while (!text.isEmpty() && text.get(text.size() - 1).isEmpty()) {
        text.remove(text.size() - 1);
      }
      return text;
    }
  }
}
