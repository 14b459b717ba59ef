package io.trustyard.core.tuf.edit;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.Signature;
import io.trustyard.core.tuf.model.Signed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signing a body as Go's {@code signed.Sign} does (spec/notary.md §2.7): fresh signatures first,
 * then the existing signatures that are still valid over the same bytes and come from keys that
 * may sign the role, except those the fresh ones replace.
 */
public final class MetadataSigning {
  private MetadataSigning() {}

  /**
   * @param existing signatures already on this body (e.g. another party's), kept while valid
   * @param signingKeys keys to ask {@code signer} for
   * @param roleKeys keys whose existing signatures may be kept
   */
  public static <T extends RoleMetadata> Signed<T> sign(T body, List<Signature> existing,
      TufSigner signer, List<TufPublicKey> signingKeys, Collection<TufPublicKey> roleKeys) {
    byte[] canonical = MetadataWriter.canonical(body);
    List<Signature> signatures = new ArrayList<>(signer.sign(canonical, signingKeys));
    Set<String> replaced = new HashSet<>();
    signatures.forEach(s -> replaced.add(s.keyId()));
    Map<String, TufPublicKey> byId = new LinkedHashMap<>();
    roleKeys.forEach(k -> byId.put(k.id(), k));
    for (Signature old : existing) {
      TufPublicKey key = byId.get(old.keyId());
      if (key != null && !replaced.contains(old.keyId())
          && TufSignatures.verify(key, old.method(), old.sig(), canonical)) {
        replaced.add(old.keyId());
        signatures.add(old);
      }
    }
    return new Signed<>(body, signatures);
  }
}
