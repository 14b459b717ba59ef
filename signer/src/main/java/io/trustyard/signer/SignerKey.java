package io.trustyard.signer;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A key held by a signer, as the wire shows it: TUF key ID, TUF key type, the raw public bytes of
 * TUF metadata ({@code keyval.public}) and the role it was created for ("" when unknown).
 */
public record SignerKey(String id, String algorithm, byte[] publicBytes, String role) {

  public SignerKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(role, "role");
    publicBytes = publicBytes.clone();
  }

  @Override
  public byte[] publicBytes() {
    return publicBytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignerKey k && id.equals(k.id) && algorithm.equals(k.algorithm)
        && Arrays.equals(publicBytes, k.publicBytes) && role.equals(k.role);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, algorithm, Arrays.hashCode(publicBytes), role);
  }

  @Override
  public String toString() {
    return "SignerKey[" + algorithm + " " + id + " role=" + role + " public="
        + HexFormat.of().formatHex(publicBytes, 0, Math.min(8, publicBytes.length)) + "...]";
  }
}
