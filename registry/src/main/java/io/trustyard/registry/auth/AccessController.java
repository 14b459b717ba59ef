package io.trustyard.registry.auth;

import java.util.List;

/** Decides whether a request, identified by its {@code Authorization} header, may proceed. */
public interface AccessController {
  /**
   * Null if a request with this {@code Authorization} header (null when absent) may act on every
   * scope in {@code required}; otherwise why not. An empty {@code required} asks only whether the
   * client is authenticated (the {@code /v2/} ping).
   */
  AuthFailure authorize(String authorization, List<Scope> required);

  /** No authentication: everyone may do everything (the sandbox default). */
  AccessController NONE = (authorization, required) -> null;
}
