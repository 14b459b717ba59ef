package io.trustyard.core.tuf.verify;

import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.codec.Parsed;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The metadata of one repository verified as a chain root → timestamp → snapshot → targets →
 * delegations at a reference time (spec/notary.md §2.13, §7.6). Immutable: each {@code with...}
 * verifies one more file and returns a new set, or throws a {@link TufException} naming the
 * failure and leaves the caller's set as it was.
 *
 * <p>Each file is checked in Go's order: its bytes against the length and hashes the referencing
 * role lists, its signatures (over the re-canonicalised {@code signed}) against the role's keys
 * and threshold, its structure, its version against the highest version trusted so far, and its
 * expiry. Loading a role drops what was verified under the previous version of it (a new root
 * drops everything below it, a new timestamp drops snapshot and targets, ...), but the versions
 * seen are kept for rollback checks.
 */
public final class TrustedSet {
  private final String gun;
  private final Instant now;
  private final Parsed<RootMetadata> root;
  private final Parsed<TimestampMetadata> timestamp;
  private final Parsed<SnapshotMetadata> snapshot;
  private final Map<String, TrustedTargets> targets;
  private final Map<String, Long> minimumVersions;

  private TrustedSet(String gun, Instant now, Parsed<RootMetadata> root,
      Parsed<TimestampMetadata> timestamp, Parsed<SnapshotMetadata> snapshot,
      Map<String, TrustedTargets> targets, Map<String, Long> minimumVersions) {
    this.gun = gun;
    this.now = now;
    this.root = root;
    this.timestamp = timestamp;
    this.snapshot = snapshot;
    this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    this.minimumVersions = Collections.unmodifiableMap(new LinkedHashMap<>(minimumVersions));
  }

  /**
   * Starts from a root the caller trusts already (its cache, or first use over TLS, after any trust
   * pinning): checked for structure, certificates and its own threshold; its expiry is checked when
   * the timestamp is loaded, so an expired cached root can still be the base of a rotation.
   */
  public static TrustedSet bootstrap(String gun, byte[] rootBytes, Instant now) {
    Objects.requireNonNull(gun, "gun");
    Objects.requireNonNull(now, "now");
    Parsed<RootMetadata> root = MetadataReader.root(rootBytes, MetadataLimits.MAX_DOWNLOAD_SIZE);
    RootChecks.verifyRoot(gun, root, now);
    return new TrustedSet(gun, now, root, null, null, Map.of(),
        Map.of(RoleNames.ROOT, root.signed().version()));
  }

  /**
   * Verifies a whole repository: root (as trusted), timestamp, snapshot, targets, then every
   * delegation present in {@code delegations} that the loaded roles delegate to, parents first.
   */
  public static TrustedSet verifyAll(String gun, Instant now, byte[] root, byte[] timestamp,
      byte[] snapshot, byte[] targets, Map<String, byte[]> delegations) {
    TrustedSet set = bootstrap(gun, root, now).withTimestamp(timestamp).withSnapshot(snapshot)
        .withTargets(targets);
    Deque<String> queue = new ArrayDeque<>(List.of(RoleNames.TARGETS));
    while (!queue.isEmpty()) {
      String parent = queue.poll();
      for (DelegatedRole child : set.targets.get(parent).metadata().signed().delegations().roles()) {
        byte[] bytes = delegations.get(child.name());
        if (bytes != null) {
          set = set.withDelegation(child.name(), bytes);
          queue.add(child.name());
        }
      }
    }
    return set;
  }

  /** Rollback floors from earlier sessions (e.g. the versions of the cached files). */
  public TrustedSet withMinimumVersions(Map<String, Long> versions) {
    Map<String, Long> merged = new LinkedHashMap<>(minimumVersions);
    versions.forEach((role, v) -> merged.merge(role, v, Math::max));
    return new TrustedSet(gun, now, root, timestamp, snapshot, targets, merged);
  }

  /** A newer root, verified as a rotation of the trusted one (§2.11). Drops everything else. */
  public TrustedSet withRoot(byte[] bytes) {
    Parsed<RootMetadata> next = MetadataReader.root(bytes, MetadataLimits.MAX_DOWNLOAD_SIZE);
    requireVersion(RoleNames.ROOT, next.signed());
    RootChecks.verifyRotation(gun, root.signed(), next, now);
    return new TrustedSet(gun, now, next, null, null, Map.of(), floors(RoleNames.ROOT, next.signed()));
  }

  public TrustedSet withTimestamp(byte[] bytes) {
    requireUnexpired(RoleNames.ROOT, root.signed());
    Parsed<TimestampMetadata> parsed = MetadataReader.timestamp(bytes, MetadataLimits.MAX_TIMESTAMP_SIZE);
    verifyBaseRole(RoleNames.TIMESTAMP, parsed);
    return new TrustedSet(gun, now, root, parsed, null, Map.of(),
        floors(RoleNames.TIMESTAMP, parsed.signed()));
  }

  public TrustedSet withSnapshot(byte[] bytes) {
    if (timestamp == null) {
      throw prerequisite(RoleNames.SNAPSHOT, "the timestamp");
    }
    ChecksumChecks.require(RoleNames.TIMESTAMP, timestamp.signed().meta(), RoleNames.SNAPSHOT, bytes);
    Parsed<SnapshotMetadata> parsed = MetadataReader.snapshot(bytes, MetadataLimits.MAX_DOWNLOAD_SIZE);
    verifyBaseRole(RoleNames.SNAPSHOT, parsed);
    // Go's builder also holds the root it loaded to the snapshot's hashes.
    ChecksumChecks.require(RoleNames.SNAPSHOT, parsed.signed().meta(), RoleNames.ROOT, root.raw());
    return new TrustedSet(gun, now, root, timestamp, parsed, Map.of(),
        floors(RoleNames.SNAPSHOT, parsed.signed()));
  }

  public TrustedSet withTargets(byte[] bytes) {
    if (snapshot == null) {
      throw prerequisite(RoleNames.TARGETS, "the snapshot");
    }
    ChecksumChecks.require(RoleNames.SNAPSHOT, snapshot.signed().meta(), RoleNames.TARGETS, bytes);
    Parsed<TargetsMetadata> parsed = MetadataReader.targets(RoleNames.TARGETS, bytes,
        MetadataLimits.MAX_DOWNLOAD_SIZE);
    verifyBaseRole(RoleNames.TARGETS, parsed);
    return new TrustedSet(gun, now, root, timestamp, snapshot,
        Map.of(RoleNames.TARGETS, new TrustedTargets(RoleNames.TARGETS, parsed, List.of(""))),
        floors(RoleNames.TARGETS, parsed.signed()));
  }

  /** A delegation whose parent is loaded, checked against the parent's delegation entry. */
  public TrustedSet withDelegation(String name, byte[] bytes) {
    if (!RoleNames.isDelegation(name)) {
      throw new TufException(TufError.UNKNOWN_DELEGATION, name, "is not a valid delegation name");
    }
    TrustedTargets parent = targets.get(RoleNames.parent(name));
    if (parent == null) {
      throw prerequisite(name, "its parent " + RoleNames.parent(name));
    }
    DelegatedRole entry = parent.metadata().signed().delegations().role(name).orElseThrow(() ->
        new TufException(TufError.UNKNOWN_DELEGATION, name, parent.role() + " does not delegate to it"));
    ChecksumChecks.require(RoleNames.SNAPSHOT, snapshot.signed().meta(), name, bytes);
    Parsed<TargetsMetadata> parsed = MetadataReader.targets(name, bytes, MetadataLimits.MAX_DOWNLOAD_SIZE);
    var parentKeys = parent.metadata().signed().delegations().keys();
    var keys = entry.keyIds().stream().map(parentKeys::get).filter(Objects::nonNull).toList();
    keys.forEach(key -> DelegationKeyChecks.requireUsable(name, key));
    SignatureChecks.requireThreshold(name, parsed.signedBytes(), parsed.metadata().signatures(), keys,
        entry.threshold());
    finishChecks(name, parsed.signed());
    Map<String, TrustedTargets> loaded = new LinkedHashMap<>(targets);
    dropBelow(loaded, name);
    loaded.put(name, new TrustedTargets(name, parsed, TrustedTargets.restrict(parent.paths(), entry.paths())));
    return new TrustedSet(gun, now, root, timestamp, snapshot, loaded, floors(name, parsed.signed()));
  }

  public String gun() {
    return gun;
  }

  public Instant now() {
    return now;
  }

  public Parsed<RootMetadata> root() {
    return root;
  }

  public Optional<Parsed<TimestampMetadata>> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  public Optional<Parsed<SnapshotMetadata>> snapshot() {
    return Optional.ofNullable(snapshot);
  }

  /** The verified {@code targets} role or delegation of that name. */
  public Optional<TrustedTargets> targets(String role) {
    return Optional.ofNullable(targets.get(role));
  }

  /** Verified targets roles in load order, top-level first. */
  public List<TrustedTargets> allTargets() {
    return List.copyOf(targets.values());
  }

  /** The highest version seen per role: what the caller should remember for the next session. */
  public Map<String, Long> versions() {
    return minimumVersions;
  }

  /**
   * Finds a target by the delegation walk (breadth-first from {@code targets}, delegations in
   * listed order; the first loaded role that lists the name and may sign for it wins).
   */
  public Optional<TargetMatch> findTarget(String name) {
    Deque<String> queue = new ArrayDeque<>(List.of(RoleNames.TARGETS));
    while (!queue.isEmpty()) {
      TrustedTargets role = targets.get(queue.poll());
      if (role == null) {
        continue;
      }
      Optional<FileMeta> meta = role.target(name);
      if (meta.isPresent()) {
        return Optional.of(new TargetMatch(role.role(), name, meta.get()));
      }
      role.metadata().signed().delegations().roles().forEach(d -> queue.add(d.name()));
    }
    return Optional.empty();
  }

  /**
   * The target as listed by one role.
   *
   * @throws TufException {@link TufError#DELEGATION_PATH_VIOLATION} when the role lists the name
   *     but may not sign for it; {@link TufError#MISSING_PREREQUISITE} when the role is not loaded
   */
  public Optional<FileMeta> targetIn(String role, String name) {
    TrustedTargets trusted = targets.get(role);
    if (trusted == null) {
      throw prerequisite(role, "the role itself");
    }
    FileMeta meta = trusted.metadata().signed().targets().get(name);
    if (meta != null && !trusted.allows(name)) {
      throw new TufException(TufError.DELEGATION_PATH_VIOLATION, role, "lists target \"" + name
          + "\" outside the paths it is delegated: " + trusted.paths());
    }
    return Optional.ofNullable(meta);
  }

  private void verifyBaseRole(String role, Parsed<? extends RoleMetadata> parsed) {
    RootMetadata trustedRoot = root.signed();
    SignatureChecks.requireThreshold(role, parsed.signedBytes(), parsed.metadata().signatures(),
        trustedRoot.roleKeys(role), trustedRoot.roles().get(role).threshold());
    finishChecks(role, parsed.signed());
  }

  private void finishChecks(String role, RoleMetadata metadata) {
    StructureChecks.check(role, metadata);
    requireVersion(role, metadata);
    requireUnexpired(role, metadata);
  }

  private void requireVersion(String role, RoleMetadata metadata) {
    Long floor = minimumVersions.get(role);
    if (floor != null && metadata.version() < floor) {
      throw new TufException(TufError.ROLLBACK, role,
          "version " + metadata.version() + " is older than the trusted version " + floor);
    }
  }

  private void requireUnexpired(String role, RoleMetadata metadata) {
    if (metadata.isExpiredAt(now)) {
      throw new TufException(TufError.EXPIRED, role, "expired at " + metadata.expires() + " (now " + now + ")");
    }
  }

  private Map<String, Long> floors(String role, RoleMetadata metadata) {
    Map<String, Long> merged = new LinkedHashMap<>(minimumVersions);
    merged.merge(role, metadata.version(), Math::max);
    return merged;
  }

  /** A reloaded delegation invalidates its loaded descendants. */
  private static void dropBelow(Map<String, TrustedTargets> loaded, String role) {
    loaded.keySet().removeIf(name -> name.startsWith(role + "/"));
  }

  private static TufException prerequisite(String role, String what) {
    return new TufException(TufError.MISSING_PREREQUISITE, role, what + " must be verified first");
  }
}
