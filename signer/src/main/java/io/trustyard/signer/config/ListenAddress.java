package io.trustyard.signer.config;

import java.util.Objects;

/**
 * Where a server listens, written as notary's config files and Trustyard's {@code --listen} flags
 * write it: {@code host:port}, {@code :port} (every interface) or {@code [v6]:port}.
 *
 * @param host the host, empty for every interface
 */
public record ListenAddress(String host, int port) {

  public ListenAddress {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
    }
  }

  /**
   * Parses {@code text}; {@code what} names the setting in the message of the
   * {@link IllegalArgumentException} thrown for anything else.
   */
  public static ListenAddress parse(String text, String what) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(what + " must be host:port or :port, not '" + text + "'");
    }
    String host = text.substring(0, colon).strip();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + text + "' has no numeric port");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " '" + text + "' has a port out of range 0-65535");
    }
    return new ListenAddress(host, port);
  }

  /** The host to bind: every interface when none is given. */
  public String bindHost() {
    return host.isEmpty() ? "0.0.0.0" : host;
  }

  /** The host for people and log lines ({@code *} for every interface). */
  public String displayHost() {
    return host.isEmpty() ? "*" : host;
  }
}
