package io.trustyard.core.tuf.verify;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleKeys;
import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Whether well-formed metadata is a valid role (Notary's {@code isValid*Structure} checks). */
public final class StructureChecks {
  private static final int SHA256_LENGTH = 32;

  private StructureChecks() {}

  public static void check(String role, RoleMetadata metadata) {
    if (metadata.version() < 1) {
      throw invalid(role, "version " + metadata.version() + " is below 1");
    }
    switch (metadata) {
      case RootMetadata root -> root(root);
      case TargetsMetadata targets -> targets(role, targets);
      case SnapshotMetadata snapshot -> {
        requireSha256(role, snapshot.meta(), RoleNames.ROOT);
        requireSha256(role, snapshot.meta(), RoleNames.TARGETS);
      }
      case TimestampMetadata timestamp -> requireSha256(role, timestamp.meta(), RoleNames.SNAPSHOT);
    }
  }

  private static void root(RootMetadata root) {
    keysMatchTheirIds(RoleNames.ROOT, root.keys());
    for (String base : RoleNames.BASE_ROLES) {
      RoleKeys entry = root.roles().get(base);
      if (entry == null) {
        throw invalid(RoleNames.ROOT, "the " + base + " role is missing from roles");
      }
      checkKeys(RoleNames.ROOT, base, entry.keyIds(), entry.threshold(), root.keys());
    }
  }

  private static void targets(String role, TargetsMetadata targets) {
    keysMatchTheirIds(role, targets.delegations().keys());
    Set<String> names = new HashSet<>();
    for (DelegatedRole d : targets.delegations().roles()) {
      if (!RoleNames.isDelegation(d.name()) || !RoleNames.parent(d.name()).equals(role)) {
        throw invalid(role, "cannot delegate to \"" + d.name() + "\": a delegation must be a valid"
            + " role name directly below " + role);
      }
      if (!names.add(d.name())) {
        throw invalid(role, "delegates to " + d.name() + " twice");
      }
      checkKeys(role, d.name(), d.keyIds(), d.threshold(), targets.delegations().keys());
    }
  }

  private static void checkKeys(String role, String entry, Iterable<String> keyIds, int threshold,
      Map<String, TufPublicKey> keys) {
    if (threshold < 1) {
      throw invalid(role, entry + " has threshold " + threshold + ", below 1");
    }
    for (String id : keyIds) {
      if (!keys.containsKey(id)) {
        throw invalid(role, entry + " lists key " + id + " which is not among the keys");
      }
    }
  }

  private static void keysMatchTheirIds(String role, Map<String, TufPublicKey> keys) {
    keys.forEach((id, key) -> {
      if (!id.equals(key.id())) {
        throw invalid(role, "key listed as " + id + " has ID " + key.id());
      }
    });
  }

  private static void requireSha256(String role, Map<String, FileMeta> meta, String name) {
    FileMeta entry = meta.get(name);
    if (entry == null || entry.hash(FileMeta.SHA256).map(h -> h.length != SHA256_LENGTH).orElse(true)) {
      throw invalid(role, "meta must list " + name + " with a 32-byte sha256 hash");
    }
  }

  private static TufException invalid(String role, String message) {
    return new TufException(TufError.INVALID_STRUCTURE, role, message);
  }
}
