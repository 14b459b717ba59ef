package io.trustyard.core.tuf;

/** Why metadata was refused. Each failure of parsing, verification or editing has its own name. */
public enum TufError {
  /** Not well-formed JSON, or a field of the wrong JSON type, or a value that cannot be encoded. */
  MALFORMED,
  /** Larger than the limit for the role (or the length the referencing metadata announced). */
  TOO_LARGE,
  /** {@code _type} is not the type of the role that was expected. */
  WRONG_TYPE,
  /** Well-formed but not a valid role: missing base role, keyid without key, threshold under 1, ... */
  INVALID_STRUCTURE,
  /** Fewer valid signatures than the threshold, and at least one signature from a role key was bad. */
  BAD_SIGNATURE,
  /** Fewer distinct valid role-key signatures than the threshold. */
  THRESHOLD_NOT_MET,
  /** {@code expires} is before the reference time. */
  EXPIRED,
  /** The version is lower than a version already trusted. */
  ROLLBACK,
  /** The bytes do not match the hashes listed by the referencing role. */
  HASH_MISMATCH,
  /** The bytes do not have the length listed by the referencing role. */
  LENGTH_MISMATCH,
  /** The referencing role (timestamp, snapshot) lists no entry for this role. */
  MISSING_META,
  /** A new root is not signed by a threshold of the previously trusted root's keys. */
  ROOT_ROTATION_FAILED,
  /** A root-role key is not an x509 certificate key. */
  ROOT_KEY_NOT_X509,
  /** A root certificate's common name is neither the GUN nor a wildcard prefix of it. */
  CERT_CN_MISMATCH,
  /** A root certificate is expired at the reference time. */
  CERT_EXPIRED,
  /** A root certificate becomes valid more than a day after the reference time. */
  CERT_NOT_YET_VALID,
  /** A root certificate fails another §2.11 check (SHA-1, small RSA, no leaf, malformed). */
  CERT_INVALID,
  /** A role was offered before the roles it depends on (e.g. snapshot before timestamp). */
  MISSING_PREREQUISITE,
  /** A delegation that its parent does not delegate to. */
  UNKNOWN_DELEGATION,
  /** A target name outside the path prefixes the delegation may sign for. */
  DELEGATION_PATH_VIOLATION
}
