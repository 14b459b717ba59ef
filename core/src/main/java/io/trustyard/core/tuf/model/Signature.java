package io.trustyard.core.tuf.model;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/** One entry of {@code signatures}: the signing key's TUF ID, the method and the raw signature bytes. */
public record Signature(String keyId, String method, byte[] sig) {
  public Signature {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(method, "method");
    sig = sig.clone();
  }

  @Override
  public byte[] sig() {
    return sig.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && keyId.equals(s.keyId) && method.equals(s.method)
        && Arrays.equals(sig, s.sig);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, method, Arrays.hashCode(sig));
  }

  @Override
  public String toString() {
    return "Signature[" + keyId + ", " + method + ", " + Base64.getEncoder().encodeToString(sig) + "]";
  }
}
