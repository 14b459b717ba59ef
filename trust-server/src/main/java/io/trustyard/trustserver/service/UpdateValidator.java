package io.trustyard.trustserver.service;

import io.trustyard.core.crypto.TufCryptoException;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.notary.NotaryException;
import io.trustyard.core.notary.ValidationError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.codec.Parsed;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleKeys;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import io.trustyard.core.tuf.model.UnknownFields;
import io.trustyard.trustserver.storage.MetadataUpdate;
import io.trustyard.trustserver.storage.StoredMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * notary-server's update validation (spec §3): the uploaded root, targets and delegations are
 * checked against the stored state, then the server produces the snapshot (unless uploaded) and
 * always a timestamp. The result is the complete set of files to store atomically.
 */
final class UpdateValidator {
  static final Duration SNAPSHOT_EXPIRY = Duration.ofDays(3 * 365);
  static final Duration TIMESTAMP_EXPIRY = Duration.ofDays(14);
  private static final long MAX = MetadataLimits.MAX_DOWNLOAD_SIZE;

  private final ServerSigning signing;
  private final Clock clock;

  UpdateValidator(ServerSigning signing, Clock clock) {
    this.signing = signing;
    this.clock = clock;
  }

  List<MetadataUpdate> validate(Repository repo, List<UploadedFile> files) {
    Instant now = clock.instant();
    Map<String, UploadedFile> byRole = new LinkedHashMap<>();
    files.forEach(f -> byRole.put(f.role(), f));
    if (byRole.containsKey(RoleNames.TIMESTAMP)) {
      // notary-server never accepts a client timestamp; it always makes its own.
      byRole.remove(RoleNames.TIMESTAMP);
    }

    // The timestamp is read first: everything below is derived from the state it names.
    Optional<StoredMetadata> storedTimestamp = repo.timestamp();
    Optional<StoredMetadata> storedSnapshot = storedTimestamp.flatMap(repo::snapshotOf);
    Optional<StoredMetadata> storedRootFile = storedSnapshot.flatMap(s -> listedOrEmpty(repo, s, RoleNames.ROOT));
    Optional<Parsed<RootMetadata>> storedRoot = storedRootFile.map(Repository::parseRoot);

    // Root.
    Parsed<RootMetadata> root;
    byte[] rootBytes;
    List<MetadataUpdate> updates = new ArrayList<>();
    UploadedFile uploadedRoot = byRole.get(RoleNames.ROOT);
    if (uploadedRoot != null) {
      root = parse(() -> MetadataReader.root(uploadedRoot.data(), MAX), ValidationError.ErrBadRoot);
      long current = storedRoot.map(r -> r.signed().version()).orElse(1L);
      long proposed = root.signed().version();
      if (proposed != current && proposed != current + 1) {
        throw ValidationError.ErrBadRoot.exception(
            "Root modifications must increment the version. Current " + current + ", new " + proposed);
      }
      checkRoot(repo.gun(), root, storedRoot, now);
      rootBytes = uploadedRoot.data();
      updates.add(new MetadataUpdate(RoleNames.ROOT, (int) proposed, rootBytes));
    } else if (storedRoot.isPresent()) {
      root = storedRoot.get();
      rootBytes = storedRootFile.get().data();
    } else {
      throw ValidationError.ErrValidation.exception("no pre-existing root and no root provided in update.");
    }

    // Targets and delegations, parents before children.
    List<UploadedFile> targetsFiles = byRole.values().stream()
        .filter(f -> f.role().equals(RoleNames.TARGETS) || RoleNames.isDelegation(f.role()))
        .sorted(Comparator.comparingLong((UploadedFile f) -> f.role().chars().filter(c -> c == '/').count())
            .thenComparing(UploadedFile::role))
        .toList();
    Map<String, Parsed<TargetsMetadata>> loaded = new HashMap<>();
    for (UploadedFile f : targetsFiles) {
      Parsed<TargetsMetadata> parsed = parse(() -> MetadataReader.targets(f.role(), f.data(), MAX), ValidationError.ErrBadTargets);
      checkTargets(repo, f.role(), parsed, root.signed(), loaded, storedSnapshot, now);
      loaded.put(f.role(), parsed);
      updates.add(new MetadataUpdate(f.role(), (int) parsed.signed().version(), f.data()));
    }

    // Snapshot: the client's, checked, or the server's own.
    byte[] snapshotBytes;
    UploadedFile uploadedSnapshot = byRole.get(RoleNames.SNAPSHOT);
    if (uploadedSnapshot != null) {
      Parsed<SnapshotMetadata> snapshot =
          parse(() -> MetadataReader.snapshot(uploadedSnapshot.data(), MAX), ValidationError.ErrBadSnapshot);
      checkSnapshot(snapshot, root.signed(), rootBytes, targetsFiles, now);
      snapshotBytes = uploadedSnapshot.data();
      updates.add(new MetadataUpdate(RoleNames.SNAPSHOT, (int) snapshot.signed().version(), snapshotBytes));
    } else {
      TufPublicKey key = signing.heldKey(root.signed(), RoleNames.SNAPSHOT).orElseThrow(() -> new NotaryException(
          io.trustyard.core.notary.NotaryErrorCode.INVALID_UPDATE,
          ValidationError.badHierarchy(RoleNames.SNAPSHOT,
              "no snapshot was included in update and server does not hold current snapshot key for repository"),
          "server does not hold the snapshot key"));
      Optional<SnapshotMetadata> previous = storedSnapshot.map(s -> Repository.parseSnapshot(s).signed());
      if (previous.isEmpty() && !loaded.containsKey(RoleNames.TARGETS)) {
        throw new NotaryException(io.trustyard.core.notary.NotaryErrorCode.INVALID_UPDATE,
            ValidationError.badHierarchy(RoleNames.TARGETS, "targets metadata is required to create the first snapshot"),
            "no targets for the first snapshot");
      }
      Map<String, FileMeta> meta = new LinkedHashMap<>(previous.map(SnapshotMetadata::meta).orElse(Map.of()));
      meta.put(RoleNames.ROOT, FileMeta.of(rootBytes));
      for (UploadedFile f : targetsFiles) {
        meta.put(f.role(), FileMeta.of(f.data()));
      }
      long version = previous.map(p -> p.version() + 1).orElse(1L);
      SnapshotMetadata body = new SnapshotMetadata(version, at(now.plus(SNAPSHOT_EXPIRY)), meta, UnknownFields.NONE);
      snapshotBytes = signing.sign(body, key);
      updates.add(new MetadataUpdate(RoleNames.SNAPSHOT, (int) version, snapshotBytes));
    }

    // Timestamp, always the server's.
    TufPublicKey tsKey = signing.heldKey(root.signed(), RoleNames.TIMESTAMP)
        .orElseThrow(() -> ValidationError.ErrBadRoot.exception("no timestamp keys exist on the server"));
    long tsVersion = storedTimestamp.map(t -> Repository.parseTimestamp(t).signed().version() + 1).orElse(1L);
    TimestampMetadata ts = new TimestampMetadata(tsVersion, at(now.plus(TIMESTAMP_EXPIRY)),
        Map.of(RoleNames.SNAPSHOT, FileMeta.of(snapshotBytes)), UnknownFields.NONE);
    updates.add(new MetadataUpdate(RoleNames.TIMESTAMP, (int) tsVersion, signing.sign(ts, tsKey)));
    return updates;
  }

  private static Optional<StoredMetadata> listedOrEmpty(Repository repo, StoredMetadata snapshot, String role) {
    try {
      return repo.listedIn(snapshot, role);
    } catch (NotaryException e) {
      return Optional.empty();
    }
  }

  private static void checkRoot(String gun, Parsed<RootMetadata> parsed, Optional<Parsed<RootMetadata>> previous, Instant now) {
    RootMetadata root = parsed.signed();
    for (String role : RoleNames.BASE) {
      RoleKeys rk = root.roles().get(role);
      if (rk == null) {
        throw ValidationError.ErrBadRoot.exception("root is missing the " + role + " role");
      }
      if (rk.threshold() < 1) {
        throw ValidationError.ErrBadRoot.exception("role " + role + " has a threshold below 1");
      }
      for (String id : rk.keyIds()) {
        if (!root.keys().containsKey(id)) {
          throw ValidationError.ErrBadRoot.exception("role " + role + " lists key " + id + " that root does not contain");
        }
      }
    }
    RoleKeys rootRole = root.roles().get(RoleNames.ROOT);
    List<String> validLeaves = new ArrayList<>();
    String certProblem = null;
    for (String id : rootRole.keyIds()) {
      try {
        RootCertificates.checkRootCertificate(root.keys().get(id), gun, now, true);
        validLeaves.add(id);
      } catch (TufCryptoException | IllegalArgumentException e) {
        certProblem = e.getMessage();
      }
    }
    if (validLeaves.isEmpty()) {
      throw ValidationError.ErrBadRoot.exception("could not validate the path to a trusted root: unable to retrieve valid leaf certificates"
          + (certProblem == null ? "" : " (" + certProblem + ")"));
    }
    if (!SignatureCheck.meetsThreshold(parsed, validLeaves, root.keys(), rootRole.threshold())) {
      throw ValidationError.ErrBadRoot.exception("could not validate the path to a trusted root: valid signatures did not meet threshold for root");
    }
    if (previous.isPresent()) {
      RootMetadata old = previous.get().signed();
      RoleKeys oldRole = old.roles().get(RoleNames.ROOT);
      if (oldRole == null || !SignatureCheck.meetsThreshold(parsed, oldRole.keyIds(), old.keys(), oldRole.threshold())) {
        throw ValidationError.ErrBadRoot.exception(
            "could not rotate trust to a new trusted root: failed to validate data with current trusted certificates");
      }
    }
    if (root.expires().toInstant().isBefore(now)) {
      throw ValidationError.ErrBadRoot.exception("root expired at " + root.expires());
    }
  }

  private static void checkTargets(Repository repo, String role, Parsed<TargetsMetadata> parsed, RootMetadata root,
      Map<String, Parsed<TargetsMetadata>> loaded, Optional<StoredMetadata> storedSnapshot, Instant now) {
    Map<String, TufPublicKey> keys;
    List<String> keyIds;
    int threshold;
    if (role.equals(RoleNames.TARGETS)) {
      RoleKeys rk = root.roles().get(RoleNames.TARGETS);
      keys = root.keys();
      keyIds = rk.keyIds();
      threshold = rk.threshold();
    } else {
      String parentName = RoleNames.parent(role);
      Parsed<TargetsMetadata> parent = loaded.get(parentName);
      if (parent == null) {
        StoredMetadata stored = storedSnapshot.flatMap(s -> listedOrEmpty(repo, s, parentName))
            .orElseThrow(() -> ValidationError.ErrBadTargets.exception(
                "parent role " + parentName + " of " + role + " is neither uploaded nor stored"));
        parent = parse(() -> MetadataReader.targets(parentName, stored.data(), MAX), ValidationError.ErrBadTargets);
      }
      DelegatedRole delegation = parent.signed().delegations().role(role).orElseThrow(
          () -> ValidationError.ErrBadTargets.exception(parentName + " does not delegate to " + role));
      keys = parent.signed().delegations().keys();
      keyIds = delegation.keyIds();
      threshold = delegation.threshold();
    }
    if (!SignatureCheck.meetsThreshold(parsed, keyIds, keys, threshold)) {
      throw ValidationError.ErrBadTargets.exception("valid signatures did not meet threshold for " + role);
    }
    if (parsed.signed().version() < 1) {
      throw ValidationError.ErrBadTargets.exception(role + " version must be at least 1");
    }
    if (parsed.signed().expires().toInstant().isBefore(now)) {
      throw ValidationError.ErrBadTargets.exception(role + " expired at " + parsed.signed().expires());
    }
  }

  private static void checkSnapshot(Parsed<SnapshotMetadata> parsed, RootMetadata root, byte[] rootBytes,
      List<UploadedFile> targetsFiles, Instant now) {
    RoleKeys rk = root.roles().get(RoleNames.SNAPSHOT);
    if (!SignatureCheck.meetsThreshold(parsed, rk.keyIds(), root.keys(), rk.threshold())) {
      throw ValidationError.ErrBadSnapshot.exception("valid signatures did not meet threshold for snapshot");
    }
    if (parsed.signed().version() < 1) {
      throw ValidationError.ErrBadSnapshot.exception("snapshot version must be at least 1");
    }
    if (parsed.signed().expires().toInstant().isBefore(now)) {
      throw ValidationError.ErrBadSnapshot.exception("snapshot expired at " + parsed.signed().expires());
    }
    Map<String, FileMeta> meta = parsed.signed().meta();
    checkListed(meta, RoleNames.ROOT, rootBytes);
    for (UploadedFile f : targetsFiles) {
      checkListed(meta, f.role(), f.data());
    }
  }

  private static void checkListed(Map<String, FileMeta> meta, String role, byte[] data) {
    FileMeta m = meta.get(role);
    if (m == null) {
      throw ValidationError.ErrBadSnapshot.exception("snapshot does not list " + role);
    }
    if (!m.hashesMatch(data)) {
      throw ValidationError.ErrBadSnapshot.exception(role + " does not match the hashes the snapshot lists for it");
    }
  }

  private interface Parser<T> {
    T parse();
  }

  private static <T> T parse(Parser<T> parser, ValidationError onError) {
    try {
      return parser.parse();
    } catch (TufException e) {
      throw onError.exception(e.getMessage());
    }
  }

  static OffsetDateTime at(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

}
