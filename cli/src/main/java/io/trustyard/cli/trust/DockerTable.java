package io.trustyard.cli.trust;

import java.util.ArrayList;
import java.util.List;

/**
 * docker's table formatter: Go's tabwriter with minimum cell width 10 and padding 3, the last
 * column unpadded. {@code trust inspect --pretty} output is parsed by scripts, so it must match.
 */
final class DockerTable {
  private static final int MIN_WIDTH = 10;
  private static final int PADDING = 3;

  private final List<List<String>> rows = new ArrayList<>();

  DockerTable(String... header) {
    rows.add(List.of(header));
  }

  DockerTable add(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  String render() {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c + 1 < row.size(); c++) {
        widths[c] = Math.max(widths[c], Math.max(MIN_WIDTH, row.get(c).length() + PADDING));
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        out.append(cell);
        if (c + 1 < row.size()) {
          out.append(" ".repeat(widths[c] - cell.length()));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }
}
