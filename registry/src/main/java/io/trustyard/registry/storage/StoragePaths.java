package io.trustyard.registry.storage;

/** Checks on driver paths shared by every driver. */
public final class StoragePaths {
  private StoragePaths() {}

  /** Rejects paths that are relative, empty-component, or walk upwards. */
  public static String check(String path) {
    if (path == null || !path.startsWith("/") || path.length() > 4096) {
      throw new IllegalArgumentException("invalid storage path: " + path);
    }
    if (path.equals("/")) {
      return path;
    }
    for (String part : path.substring(1).split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.indexOf('\0') >= 0
          || part.indexOf('\\') >= 0) {
        throw new IllegalArgumentException("invalid storage path: " + path);
      }
    }
    return path;
  }
}
