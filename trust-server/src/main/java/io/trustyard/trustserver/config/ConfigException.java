package io.trustyard.trustserver.config;

/** A configuration that cannot be used, with a message naming the key and what is wrong with it. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
