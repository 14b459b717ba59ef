package io.trustyard.core.tuf.codec;

import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.Signed;

/**
 * A metadata file as read: the model, the raw bytes it came from (what hashes are checked
 * against), and the canonical re-encoding of its parsed {@code signed} member (what signatures are
 * checked against, never the byte span in the file: spec/notary.md §2.7).
 */
public record Parsed<T extends RoleMetadata>(Signed<T> metadata, byte[] raw, byte[] signedBytes) {
  public Parsed {
    raw = raw.clone();
    signedBytes = signedBytes.clone();
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public byte[] signedBytes() {
    return signedBytes.clone();
  }

  public T signed() {
    return metadata.signed();
  }
}
