package io.trustyard.trustserver.storage;

/** An update that would store a version not greater than one already stored for its role. */
public final class VersionConflictException extends Exception {
  public VersionConflictException(String message) {
    super(message);
  }

  public VersionConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
