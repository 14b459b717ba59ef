package io.trustyard.trustserver.keys;

import io.trustyard.core.crypto.TufPublicKey;
import java.util.Optional;

/**
 * The server-held keys (timestamp, and snapshot when the repository lets the server sign it), as
 * notary-server's crypto service: created per GUN and role, looked up by key ID, used to sign
 * canonical bytes. Backed by the signer, in-process or over gRPC.
 */
public interface ServerKeys {

  /** A new key (or, as notary-signer does, an existing never-used one) for {@code gun}/{@code role}. */
  TufPublicKey create(String gun, String role, String algorithm);

  /** The public key if this service holds the private half of {@code keyId}. */
  Optional<TufPublicKey> publicKey(String keyId);

  /** The signature bytes (notary's encoding for the key's type) over {@code content}. */
  byte[] sign(String keyId, byte[] content);

  /** Empty when the key service is reachable and working, else why not. */
  default Optional<String> healthProblem() {
    return Optional.empty();
  }
}
