package io.trustyard.registry.http;

/**
 * A single {@code Range: bytes=...} request resolved against a size (RFC 9110): {@code a-b},
 * {@code a-} and {@code -n}; an end past the size is clipped.
 */
record ByteRange(long start, long end) {
  /** Marker for a range that cannot be satisfied (416). */
  static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

  long length() {
    return end - start + 1;
  }

  /**
   * The range to serve, null to serve the whole content (no or unusable header, several ranges),
   * or {@link #UNSATISFIABLE}.
   */
  static ByteRange parse(String header, long size) {
    if (header == null) {
      return null;
    }
    String h = header.trim();
    if (!h.startsWith("bytes=")) {
      return null;
    }
    String spec = h.substring(6).trim();
    if (spec.indexOf(',') >= 0) {
      return null;
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    String first = spec.substring(0, dash).trim();
    String last = spec.substring(dash + 1).trim();
    try {
      if (first.isEmpty()) {
        if (last.isEmpty()) {
          return null;
        }
        long suffix = Long.parseLong(last);
        if (suffix <= 0 || size == 0) {
          return UNSATISFIABLE;
        }
        return new ByteRange(Math.max(0, size - suffix), size - 1);
      }
      long start = Long.parseLong(first);
      if (start < 0) {
        return null;
      }
      long end = last.isEmpty() ? size - 1 : Long.parseLong(last);
      if (end < start || start >= size) {
        return UNSATISFIABLE;
      }
      return new ByteRange(start, Math.min(end, size - 1));
    } catch (NumberFormatException e) {
      // digits too long or not digits: an unusable header is ignored
      return null;
    }
  }
}
