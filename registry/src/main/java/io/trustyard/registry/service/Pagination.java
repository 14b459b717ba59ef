package io.trustyard.registry.service;

import java.util.ArrayList;
import java.util.List;

/** {@code n}/{@code last} pagination of a sorted list: entries strictly after {@code last}, at most n. */
public final class Pagination {
  private Pagination() {}

  /** A page and whether more entries follow it. */
  public record Page(List<String> items, boolean more) {}

  public static Page page(List<String> sorted, Integer n, String last) {
    List<String> after = new ArrayList<>();
    for (String s : sorted) {
      if (last == null || s.compareTo(last) > 0) {
        after.add(s);
      }
    }
    if (n == null || after.size() <= n) {
      return new Page(after, false);
    }
    return new Page(List.copyOf(after.subList(0, n)), n > 0);
  }
}
