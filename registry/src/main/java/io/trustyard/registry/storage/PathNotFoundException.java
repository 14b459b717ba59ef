package io.trustyard.registry.storage;

import java.io.IOException;

/** The path does not exist in storage. */
public final class PathNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;

  public PathNotFoundException(String path) {
    super("path not found: " + path);
  }
}
