package io.trustyard.signer;

import java.util.Arrays;
import java.util.Objects;

/**
 * A signature made by a signer: the key's ID and type, the TUF signature method ({@code ecdsa},
 * {@code eddsa}, {@code rsapss}) and the signature bytes in TUF's encoding.
 */
public record Signed(String keyId, String keyAlgorithm, String method, byte[] signature) {

  public Signed {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    Objects.requireNonNull(method, "method");
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signed s && keyId.equals(s.keyId) && keyAlgorithm.equals(s.keyAlgorithm)
        && method.equals(s.method) && Arrays.equals(signature, s.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, keyAlgorithm, method, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "Signed[" + method + " by " + keyId + ", " + signature.length + " bytes]";
  }
}
