package io.trustyard.cli.notary;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as notary configures it (minwidth 4, padding 4, spaces, no flags):
 * every cell but a line's last is padded to its column's widest cell plus the padding; the last
 * cell is printed as is. Scripts parse these tables, so the spacing must match to the byte.
 */
final class TabWriter {
  private static final int MIN_WIDTH = 4;
  private static final int PADDING = 4;

  private final List<String[]> rows = new ArrayList<>();

  /** A table whose header is underlined with dashes, as notary's {@code initTabWriter}. */
  static TabWriter withHeader(String... columns) {
    TabWriter tw = new TabWriter();
    tw.row(columns);
    String[] dashes = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      dashes[i] = "-".repeat(columns[i].length());
    }
    tw.row(dashes);
    return tw;
  }

  void row(String... cells) {
    rows.add(cells.clone());
  }

  String render() {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length - 1; i++) {
        width[i] = Math.max(width[i], Math.max(MIN_WIDTH, row[i].codePointCount(0, row[i].length()) + PADDING));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        out.append(row[i]);
        if (i < row.length - 1) {
          out.append(" ".repeat(width[i] - row[i].codePointCount(0, row[i].length())));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }
}
