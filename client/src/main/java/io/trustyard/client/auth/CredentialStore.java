package io.trustyard.client.auth;

import java.util.Optional;

/** Where registry credentials come from, keyed by registry host ({@code host[:port]}). */
public interface CredentialStore {

  Optional<Credentials> get(String registryHost);

  /** A store that knows no one: every request is anonymous. */
  CredentialStore ANONYMOUS = host -> Optional.empty();
}
