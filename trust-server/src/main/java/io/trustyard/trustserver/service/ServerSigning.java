package io.trustyard.trustserver.service;

import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.model.RoleKeys;
import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.Signature;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.SignerKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Signs server-generated snapshot and timestamp files with the key the root names for the role. */
final class ServerSigning {
  private final KeyService keys;

  ServerSigning(KeyService keys) {
    this.keys = keys;
  }

  /** The first key the root lists for {@code role} that this server holds. */
  Optional<TufPublicKey> heldKey(RootMetadata root, String role) {
    RoleKeys roleKeys = root.roles().get(role);
    if (roleKeys == null) {
      return Optional.empty();
    }
    for (String id : roleKeys.keyIds()) {
      TufPublicKey listed = root.keys().get(id);
      if (listed != null && keys.getKey(id).filter(k -> held(k, listed)).isPresent()) {
        return Optional.of(listed);
      }
    }
    return Optional.empty();
  }

  private static boolean held(SignerKey k, TufPublicKey listed) {
    return k.algorithm().equals(listed.keyType()) && Arrays.equals(k.publicBytes(), listed.publicBytes());
  }

  /** The file bytes, Go wire format, signed by {@code key}. */
  byte[] sign(RoleMetadata body, TufPublicKey key) {
    byte[] canonical = MetadataWriter.canonical(body);
    io.trustyard.signer.Signed sig = keys.sign(key.id(), canonical);
    // The method follows from the key type, as notary-server derives it, whatever the signer says.
    String method = key.type().map(KeyType::signatureMethod)
        .orElseThrow(() -> new IllegalStateException("server key of unknown type " + key.keyType()));
    return MetadataWriter.encode(new Signed<>(body, List.of(new Signature(key.id(), method, sig.signature()))));
  }
}
