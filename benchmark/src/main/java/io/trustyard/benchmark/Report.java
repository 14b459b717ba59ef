package io.trustyard.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Markdown report: one table of figures, then what this run did not measure. */
final class Report {
  private Report() {}

  static String markdown(List<Figure> figures, List<String> context, List<String> notMeasured) {
    StringBuilder md = new StringBuilder("# Trustyard benchmark report\n\n");
    context.forEach(line -> md.append("- ").append(line).append('\n'));
    md.append("\n| figure | unit | peer / limit | peer | Trustyard | ratio | target | met? |\n")
        .append("|---|---|---|---:|---:|---:|---|---|\n");
    for (Figure f : figures) {
      md.append("| ").append(f.name()).append(" | ").append(f.unit()).append(" | ").append(f.peerName())
          .append(" | ").append(Figure.fmt(f.peer())).append(" | ").append(Figure.fmt(f.ours()))
          .append(" | ").append(f.measured() ? Figure.fmt(f.ratio()) + "x" : "n/a")
          .append(" | ").append(f.target()).append(" | ").append(f.verdict()).append(" |\n");
    }
    List<Figure> notes = figures.stream().filter(f -> f.note() != null && !f.note().isEmpty()).toList();
    if (!notes.isEmpty()) {
      md.append("\nNotes:\n\n");
      notes.forEach(f -> md.append("- ").append(f.name()).append(": ").append(f.note()).append('\n'));
    }
    md.append("\n## Not measured by this run\n\n");
    notMeasured.forEach(line -> md.append("- ").append(line).append('\n'));
    return md.toString();
  }

  static void write(Path file, String markdown) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, markdown);
  }
}
