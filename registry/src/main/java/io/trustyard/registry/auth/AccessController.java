package io.trustyard.registry.auth;

import java.util.List;

/** Decides whether a request, identified by its {@code Authorization} header, may proceed. */
public interface AccessController {
  /**
   * Null if a request with this {@code Authorization} header (null when absent) may act on every
   * scope in {@code required}; otherwise why not. An empty {@code required} asks only whether the
   * client is authenticated (the {@code /v2/} ping). {@code selfBase} is the URL the client used to
   * reach us ({@code http://host:port}), for challenges pointing at a built-in token endpoint.
   */
  AuthFailure authorize(String authorization, List<Scope> required, String selfBase);

  /** No authentication: everyone may do everything (the sandbox default). */
  AccessController NONE = (authorization, required, selfBase) -> null;
}
