package io.trustyard.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Markdown report: how the run was made, every target with met or MISSED first, then one
 * section per group with its table, its chart and its notes.
 */
final class Report {
  private Report() {}

  static String markdown(List<String> context, List<Section> sections, List<String> notMeasured) {
    StringBuilder md = new StringBuilder("# Trustyard benchmark report\n\n");
    context.forEach(line -> md.append("- ").append(line).append('\n'));
    long met = sections.stream().flatMap(s -> s.figures.stream()).filter(Figure::met).count();
    long all = sections.stream().flatMap(s -> s.figures.stream()).filter(Figure::hasTarget).count();
    md.append("\n## Targets: ").append(met).append(" of ").append(all).append(" met\n\n")
        .append("| group | figure | ratio | target | met? |\n|---|---|---:|---|---|\n");
    for (Section s : sections) {
      for (Figure f : s.figures.stream().filter(Figure::hasTarget).toList()) {
        md.append("| ").append(s.title).append(" | ").append(f.name()).append(" | ")
            .append(f.measured() ? Figure.fmt(f.ratio()) + "x" : "n/a").append(" | ").append(f.target())
            .append(" | ").append(f.met() ? "met" : "**" + f.verdict() + "**").append(" |\n");
      }
      if (s.failure != null) {
        md.append("| ").append(s.title).append(" | **group failed**: ").append(oneLine(s.failure))
            .append(" | | | |\n");
      }
    }
    for (Section s : sections) {
      md.append("\n## ").append(s.title).append("\n\n");
      md.append("![").append(s.title).append("](").append(s.id).append(".png)\n\n");
      if (!s.figures.isEmpty()) {
        md.append("| figure | unit | peer / limit | peer | Trustyard | ratio | target | met? |\n")
            .append("|---|---|---|---:|---:|---:|---|---|\n");
        for (Figure f : s.figures) {
          md.append("| ").append(f.name()).append(" | ").append(f.unit()).append(" | ").append(f.peerName())
              .append(" | ").append(Figure.fmt(f.peer())).append(" | ").append(Figure.fmt(f.ours()))
              .append(" | ").append(f.measured() ? Figure.fmt(f.ratio()) + "x" : "n/a")
              .append(" | ").append(f.target()).append(" | ").append(f.verdict()).append(" |\n");
        }
      }
      if (s.failure != null) {
        md.append("\n**This group failed** after ").append(Figure.fmt(s.seconds)).append(" s: `")
            .append(oneLine(s.failure)).append("`\n");
      }
      List<String> notes = new java.util.ArrayList<>(s.notes);
      s.figures.stream().filter(f -> f.note() != null && !f.note().isEmpty())
          .forEach(f -> notes.add(f.name() + ": " + f.note()));
      notes.add("took " + Figure.fmt(s.seconds) + " s");
      md.append('\n');
      notes.forEach(line -> md.append("- ").append(line).append('\n'));
    }
    if (!notMeasured.isEmpty()) {
      md.append("\n## Not measured by this run\n\n");
      notMeasured.forEach(line -> md.append("- ").append(line).append('\n'));
    }
    return md.toString();
  }

  private static String oneLine(String s) {
    String line = s.replace('\n', ' ').replace('|', '/').replace('`', '\'');
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  static void write(Path file, String markdown) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, markdown);
  }
}
