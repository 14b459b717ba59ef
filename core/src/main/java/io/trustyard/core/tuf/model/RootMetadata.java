package io.trustyard.core.tuf.model;

import io.trustyard.core.crypto.TufPublicKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** root.json's {@code signed} (spec/notary.md §2.2). */
public record RootMetadata(long version, OffsetDateTime expires, boolean consistentSnapshot,
    Map<String, TufPublicKey> keys, Map<String, RoleKeys> roles, UnknownFields unknown)
    implements RoleMetadata {
  public static final String TYPE = "Root";

  public RootMetadata {
    Objects.requireNonNull(expires, "expires");
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    Objects.requireNonNull(unknown, "unknown");
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** The keys listed for {@code role}, in the order of its key IDs (IDs without a key are skipped). */
  public List<TufPublicKey> roleKeys(String role) {
    RoleKeys entry = roles.get(role);
    List<TufPublicKey> result = new ArrayList<>();
    if (entry != null) {
      for (String id : entry.keyIds()) {
        TufPublicKey key = keys.get(id);
        if (key != null) {
          result.add(key);
        }
      }
    }
    return result;
  }

  @Override
  public RootMetadata withVersionAndExpiry(long newVersion, OffsetDateTime newExpires) {
    return new RootMetadata(newVersion, newExpires, consistentSnapshot, keys, roles, unknown);
  }

  public RootMetadata withKeysAndRoles(Map<String, TufPublicKey> newKeys, Map<String, RoleKeys> newRoles) {
    return new RootMetadata(version, expires, consistentSnapshot, newKeys, newRoles, unknown);
  }
}
