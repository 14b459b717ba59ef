package io.trustyard.core.digest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * An incremental digest over a stream of bytes, counting what it saw. Not thread-safe. A copy
 * ({@link #copy}) continues independently, so a running hash can be checkpointed.
 */
public final class Digester {
  private final DigestAlgorithm algorithm;
  private final MessageDigest md;
  private long count;

  private Digester(DigestAlgorithm algorithm, MessageDigest md, long count) {
    this.algorithm = algorithm;
    this.md = md;
    this.count = count;
  }

  public static Digester of(DigestAlgorithm algorithm) {
    return new Digester(algorithm, algorithm.newMessageDigest(), 0);
  }

  public static Digester sha256() {
    return of(DigestAlgorithm.SHA256);
  }

  public DigestAlgorithm algorithm() {
    return algorithm;
  }

  public Digester update(byte[] b, int off, int len) {
    md.update(b, off, len);
    count += len;
    return this;
  }

  public Digester update(byte[] b) {
    return update(b, 0, b.length);
  }

  /** Consumes the buffer's remaining bytes. */
  public Digester update(ByteBuffer buffer) {
    count += buffer.remaining();
    md.update(buffer);
    return this;
  }

  /** Number of bytes hashed so far. */
  public long count() {
    return count;
  }

  /** The digest of the bytes so far; this digester can go on hashing afterwards. */
  public Digest digest() {
    try {
      MessageDigest snapshot = (MessageDigest) md.clone();
      return Digest.of(algorithm, snapshot.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("message digest cannot be cloned", e);
    }
  }

  /** An independent copy with the same state. */
  public Digester copy() {
    try {
      return new Digester(algorithm, (MessageDigest) md.clone(), count);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("message digest cannot be cloned", e);
    }
  }
}
