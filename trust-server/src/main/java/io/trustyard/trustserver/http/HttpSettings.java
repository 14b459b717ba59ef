package io.trustyard.trustserver.http;

import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the trust server listens: address, TLS (absent = plain HTTP, as notary-server without
 * certificate files), caching, GUN prefixes, and the upload bound.
 */
public record HttpSettings(
    String host,
    int port,
    Optional<SSLContext> tls,
    CacheSettings cache,
    List<String> gunPrefixes,
    long maxUploadBytes) {

  /** Bigger than any sane root + targets + delegations upload, small enough to keep in memory. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_PORT = 4443;

  public HttpSettings {
    gunPrefixes = List.copyOf(gunPrefixes);
  }
}
