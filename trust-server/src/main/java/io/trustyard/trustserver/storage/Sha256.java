package io.trustyard.trustserver.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lowercase hex SHA-256, the form of notary's {@code sha256} columns. */
public final class Sha256 {
  private Sha256() {}

  public static String hex(byte[] data) {
    return HexFormat.of().formatHex(digest(data));
  }

  public static byte[] digest(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
