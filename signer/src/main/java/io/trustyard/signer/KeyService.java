package io.trustyard.signer;

import java.util.Optional;

/**
 * What a trust server needs from a signer: server-managed keys that are created, looked up and
 * used for signing by ID, their private halves never handed out. Implemented in-process
 * ({@link io.trustyard.signer.keys.LocalKeyService}) and over notary-signer's gRPC protocol
 * ({@link io.trustyard.signer.grpc.RemoteKeyService}); both throw {@link SignerException}.
 */
public interface KeyService extends AutoCloseable {

  /**
   * Creates a key of TUF key type {@code algorithm} ({@code ecdsa}, {@code ed25519}, {@code rsa})
   * for {@code role} of {@code gun}. Like notary-signer, a stored key of that role, GUN and type
   * that has never signed may be returned instead of a new one.
   */
  SignerKey createKey(String algorithm, String gun, String role);

  /** The public half and role of a key, or empty if the signer has no key with that ID. */
  Optional<SignerKey> getKey(String keyId);

  /** Deletes a key; deleting an unknown key is not an error (as in notary-signer). */
  void deleteKey(String keyId);

  /** Signs {@code content}, the exact bytes (canonical JSON), with key {@code keyId}. */
  Signed sign(String keyId, byte[] content);

  /** True when the signer can serve (for health endpoints). */
  boolean healthy();

  @Override
  void close();
}
