package io.trustyard.signer;

/**
 * Every way a signer request can fail. The gRPC status each maps to is chosen in one place,
 * {@code io.trustyard.signer.grpc.GrpcErrors}.
 */
public enum SignerError {
  /** No (undeleted) key with that ID. */
  KEY_NOT_FOUND,
  /** CreateKey with a key type the signer does not generate. */
  UNSUPPORTED_ALGORITHM,
  /** A request field that is malformed or too long. */
  INVALID_REQUEST,
  /** Content to sign larger than {@link Limits#MAX_SIGN_BYTES}. */
  PAYLOAD_TOO_LARGE,
  /** No passphrase configured for the alias a key is (or would be) encrypted under. */
  PASSPHRASE_UNAVAILABLE,
  /** The stored key cannot be decrypted or decoded (wrong passphrase for its alias, corruption). */
  KEY_UNREADABLE,
  /** The signer cannot be reached (remote client only). */
  UNAVAILABLE,
  /** Anything else: storage failure, a peer's unexpected answer. */
  INTERNAL
}
