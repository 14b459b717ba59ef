package io.trustyard.trustserver.service;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A public key as notary-server's key endpoints write it: Go's standard encoder on the key
 * struct, so {@code public} comes before {@code private} (unlike the canonical form in metadata).
 */
final class KeyJson {
  private KeyJson() {}

  static byte[] of(TufPublicKey key) {
    return ("{\"keytype\":" + GoJson.quote(key.keyType()) + ",\"keyval\":{\"public\":\""
        + Base64.getEncoder().encodeToString(key.publicBytes()) + "\",\"private\":null}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
