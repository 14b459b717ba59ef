package io.trustyard.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;

/**
 * libtrust's key ID, which Docker registry tokens name in {@code kid} (distribution and notary-server
 * look the signing key up by it among their root certificates): the first 240 bits of the SHA-256
 * of the DER public key, base32 (no padding), in twelve colon-separated groups of four.
 */
public final class LibtrustKeyId {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private LibtrustKeyId() {}

  public static String of(PublicKey key) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder b32 = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < 30; i++) {
      buffer = (buffer << 8) | (hash[i] & 0xff);
      bits += 8;
      while (bits >= 5) {
        b32.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 48; i += 4) {
      if (i > 0) {
        out.append(':');
      }
      out.append(b32, i, i + 4);
    }
    return out.toString();
  }
}
