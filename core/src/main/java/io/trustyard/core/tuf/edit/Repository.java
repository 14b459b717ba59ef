package io.trustyard.core.tuf.edit;

import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import io.trustyard.core.tuf.verify.TrustedSet;
import io.trustyard.core.tuf.verify.TrustedTargets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed metadata of one repository (GUN). Snapshot and timestamp are absent when the
 * editor's signer does not hold their keys (the trust server then makes them).
 */
public record Repository(String gun, Signed<RootMetadata> root, Signed<TargetsMetadata> targets,
    Map<String, Signed<TargetsMetadata>> delegations, Optional<Signed<SnapshotMetadata>> snapshot,
    Optional<Signed<TimestampMetadata>> timestamp) {
  public Repository {
    Objects.requireNonNull(gun, "gun");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(targets, "targets");
    delegations = Collections.unmodifiableMap(new LinkedHashMap<>(delegations));
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** The repository as verified by a trusted set (targets must have been loaded). */
  public static Repository of(TrustedSet set) {
    Map<String, Signed<TargetsMetadata>> delegations = new LinkedHashMap<>();
    for (TrustedTargets t : set.allTargets()) {
      if (!t.role().equals(RoleNames.TARGETS)) {
        delegations.put(t.role(), t.metadata().metadata());
      }
    }
    return new Repository(set.gun(), set.root().metadata(),
        set.targets(RoleNames.TARGETS).orElseThrow().metadata().metadata(), delegations,
        set.snapshot().map(p -> p.metadata()), set.timestamp().map(p -> p.metadata()));
  }

  /** The targets role or delegation of that name. */
  public Optional<Signed<TargetsMetadata>> targets(String role) {
    return role.equals(RoleNames.TARGETS) ? Optional.of(targets) : Optional.ofNullable(delegations.get(role));
  }

  /** The file bytes of a role, exactly as Notary would write them. */
  public Optional<byte[]> file(String role) {
    return switch (role) {
      case RoleNames.ROOT -> Optional.of(MetadataWriter.encode(root));
      case RoleNames.SNAPSHOT -> snapshot.map(MetadataWriter::encode);
      case RoleNames.TIMESTAMP -> timestamp.map(MetadataWriter::encode);
      default -> targets(role).map(MetadataWriter::encode);
    };
  }

  /** Every file by role name: root, targets, delegations, then snapshot and timestamp if present. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(RoleNames.ROOT, MetadataWriter.encode(root));
    files.put(RoleNames.TARGETS, MetadataWriter.encode(targets));
    delegations.forEach((name, d) -> files.put(name, MetadataWriter.encode(d)));
    snapshot.ifPresent(s -> files.put(RoleNames.SNAPSHOT, MetadataWriter.encode(s)));
    timestamp.ifPresent(t -> files.put(RoleNames.TIMESTAMP, MetadataWriter.encode(t)));
    return files;
  }
}
