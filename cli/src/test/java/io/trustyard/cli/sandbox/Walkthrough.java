package io.trustyard.cli.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's walkthrough as data: every fenced block preceded by a {@code <!-- walkthrough -->}
 * comment, split into commands ({@code $ } lines) and the output expected of each.
 *
 * <p>Marker words: {@code start} (runs in the background, like the first terminal), {@code stop}
 * (stops that background command), {@code fails} (non-zero exit).
 */
public record Walkthrough(List<Step> steps) {

  private static final Pattern MARKER = Pattern.compile("^\\s*<!-- walkthrough(?::\\s*(.*?))?\\s*-->\\s*$");

  record Step(int line, String command, List<String> expected, boolean start, boolean stop, boolean fails) {}

  static Walkthrough read(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      String flags = m.group(1) == null ? "" : m.group(1);
      List<String> words = List.of(flags.trim().split("\\s+"));
      int fence = i + 1;
      if (fence >= lines.size() || !lines.get(fence).trim().startsWith("```")) {
        throw new IllegalStateException("README line " + (i + 1) + ": a walkthrough marker must precede a fenced block");
      }
      int indent = lines.get(fence).indexOf('`');
      String command = null;
      List<String> expected = new ArrayList<>();
      int commandLine = 0;
      int j = fence + 1;
      for (; j < lines.size() && !lines.get(j).trim().startsWith("```"); j++) {
        String line = lines.get(j).length() >= indent ? lines.get(j).substring(indent) : lines.get(j).trim();
        if (line.startsWith("$ ")) {
          if (command != null) {
            steps.add(new Step(commandLine, command, expected, words.contains("start"), words.contains("stop"),
                words.contains("fails")));
          }
          command = line.substring(2).trim();
          commandLine = j + 1;
          expected = new ArrayList<>();
        } else if (command != null && !line.isBlank()) {
          expected.add(line);
        }
      }
      if (command == null) {
        throw new IllegalStateException("README line " + (i + 1) + ": the walkthrough block has no $ command");
      }
      steps.add(new Step(commandLine, command, expected, words.contains("start"), words.contains("stop"),
          words.contains("fails")));
      i = j;
    }
    return new Walkthrough(List.copyOf(steps));
  }

  /** An expected line as a pattern: {@code <...>} matches anything, runs of spaces match any spacing. */
  static Pattern pattern(String expected) {
    StringBuilder regex = new StringBuilder();
    Matcher placeholder = Pattern.compile("<[^<>]+>").matcher(normalise(expected));
    int last = 0;
    String text = normalise(expected);
    while (placeholder.find()) {
      regex.append(Pattern.quote(text.substring(last, placeholder.start()))).append(".*");
      last = placeholder.end();
    }
    regex.append(Pattern.quote(text.substring(last)));
    return Pattern.compile(regex.toString());
  }

  static String normalise(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  /** The first expected line not found (in order) in the actual output, or null when all are. */
  public static String firstMissing(List<String> expected, List<String> actual) {
    int at = 0;
    for (String e : expected) {
      Pattern p = pattern(e);
      int found = -1;
      for (int k = at; k < actual.size(); k++) {
        if (p.matcher(normalise(actual.get(k))).matches()) {
          found = k;
          break;
        }
      }
      if (found < 0) {
        return e;
      }
      at = found + 1;
    }
    return null;
  }
}
