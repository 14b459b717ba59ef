package io.trustyard.trustserver.service;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.json.GoJson;
import io.trustyard.signer.SignerKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A public key as notary-server's key endpoints write it: Go's standard encoder on the key
 * struct, so {@code public} comes before {@code private} (unlike the canonical form in metadata).
 */
final class KeyJson {
  private KeyJson() {}

  static byte[] of(TufPublicKey key) {
    return of(key.keyType(), key.publicBytes());
  }

  static byte[] of(SignerKey key) {
    return of(key.algorithm(), key.publicBytes());
  }

  private static byte[] of(String keyType, byte[] publicBytes) {
    return ("{\"keytype\":" + GoJson.quote(keyType) + ",\"keyval\":{\"public\":\""
        + Base64.getEncoder().encodeToString(publicBytes) + "\",\"private\":null}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
