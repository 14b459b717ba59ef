package io.trustyard.client.notary;

import io.trustyard.client.trust.MetadataCache;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.client.trust.TrustPinning;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.verify.TrustedSet;
import io.trustyard.core.tuf.verify.TrustedTargets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Brings a repository's trusted metadata up to date from the trust server (spec/notary.md §7.6),
 * verifying everything through {@link TrustedSet} at the injected clock's time:
 * <ol>
 *   <li>root: the cached one (its signatures valid, possibly expired), else a download that must
 *       pass trust pinning (§7.7); writes always re-download it and verify it as a rotation;
 *   <li>timestamp: always downloaded (1 MiB limit); when the server is unreachable, the cached one
 *       (which must not have expired);
 *   <li>snapshot, targets, delegations: the cached copy when it matches the hashes the role above
 *       lists, else downloaded by checksum, limited to the listed length;
 *   <li>on a failure below root, the root is re-downloaded (following the chain of versioned
 *       roots when it was rotated more than once) and the update retried once.
 * </ol>
 * Versions must not go below the cached ones (rollback), expiry is checked for every role
 * (freeze). The cache is written only after the whole update verified.
 */
public final class TufUpdater {
  private final NotaryClient remote;
  private final MetadataCache cache;
  private final TrustPinning pinning;
  private final Clock clock;
  private final Consumer<String> warnings;

  public TufUpdater(NotaryClient remote, MetadataCache cache, TrustPinning pinning, Clock clock,
      Consumer<String> warnings) {
    this.remote = remote;
    this.cache = cache;
    this.pinning = pinning;
    this.clock = clock;
    this.warnings = warnings;
  }

  /**
   * @param freshRoot download {@code root.json} even when one is cached (before a publish)
   * @return the verified metadata
   * @throws TrustException REPOSITORY_NOT_FOUND when the server has no trust data for the GUN, or
   *     the kind of failure otherwise
   */
  public TrustedSet update(boolean freshRoot) {
    String gun = remote.gun();
    Map<String, Long> floors = cachedVersions();
    TrustedSet base = cachedRoot().orElse(null);
    boolean rootFromServer = false;
    if (base == null) {
      base = firstRoot(remote.get(RoleNames.ROOT, MetadataLimits.MAX_DOWNLOAD_SIZE));
      rootFromServer = true;
    } else if (freshRoot) {
      base = refreshRoot(base);
      rootFromServer = true;
    }
    TrustedSet set;
    try {
      set = loadBelowRoot(base, floors);
    } catch (TufException | TrustException e) {
      if (rootFromServer || !retryable(e)) {
        throw translate(e);
      }
      TrustedSet refreshed;
      try {
        refreshed = refreshRoot(base);
      } catch (TrustException refresh) {
        if (refresh.kind() == Kind.UNREACHABLE || refresh.kind() == Kind.SERVER) {
          throw translate(e);
        }
        throw refresh;
      }
      try {
        set = loadBelowRoot(refreshed, floors);
      } catch (TufException | TrustException again) {
        throw translate(again);
      }
    }
    writeCache(set);
    return set;
  }

  private static boolean retryable(RuntimeException e) {
    return e instanceof TufException
        || e instanceof TrustException t && (t.kind() == Kind.METADATA_NOT_FOUND || t.kind() == Kind.VERIFICATION);
  }

  private Optional<TrustedSet> cachedRoot() {
    Optional<byte[]> bytes = cache.read(remote.gun(), RoleNames.ROOT);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TrustedSet.bootstrap(remote.gun(), bytes.get(), clock.instant()));
    } catch (TufException e) {
      // Go discards a cached root that no longer loads and bootstraps again (with pinning).
      warnings.accept("ignoring the cached root of " + remote.gun() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private TrustedSet firstRoot(byte[] bytes) {
    PinningCheck.check(remote.gun(), bytes, pinning, clock.instant());
    try {
      return TrustedSet.bootstrap(remote.gun(), bytes, clock.instant());
    } catch (TufException e) {
      throw translate(e);
    }
  }

  /** The server's current root, verified as a rotation of {@code trusted} (via versioned roots if needed). */
  private TrustedSet refreshRoot(TrustedSet trusted) {
    byte[] latest = remote.get(RoleNames.ROOT, MetadataLimits.MAX_DOWNLOAD_SIZE);
    if (Arrays.equals(latest, trusted.root().raw())) {
      return trusted;
    }
    long have = trusted.root().signed().version();
    long newest;
    try {
      newest = MetadataReader.root(latest, MetadataLimits.MAX_DOWNLOAD_SIZE).signed().version();
    } catch (TufException e) {
      throw translate(e);
    }
    if (newest < have) {
      throw new TrustException(Kind.ROLLBACK, "the trust server offers root version " + newest + " of "
          + remote.gun() + ", older than the trusted version " + have + " (possible rollback attack)");
    }
    try {
      return trusted.withRoot(latest);
    } catch (TufException direct) {
      if (direct.error() != TufError.ROOT_ROTATION_FAILED || newest <= have + 1) {
        throw translate(direct);
      }
      TrustedSet chain = trusted;
      try {
        for (long v = have + 1; v < newest; v++) {
          chain = chain.withRoot(remote.getRootVersion(v, MetadataLimits.MAX_DOWNLOAD_SIZE));
        }
        return chain.withRoot(latest);
      } catch (TufException e) {
        throw translate(e);
      } catch (TrustException e) {
        if (e.kind() != Kind.METADATA_NOT_FOUND) {
          throw e;
        }
        throw translate(direct);
      }
    }
  }

  private TrustedSet loadBelowRoot(TrustedSet base, Map<String, Long> floors) {
    String gun = remote.gun();
    TrustedSet set = base.withMinimumVersions(floors);
    byte[] timestamp;
    try {
      timestamp = remote.get(RoleNames.TIMESTAMP, MetadataLimits.MAX_TIMESTAMP_SIZE);
    } catch (TrustException e) {
      if (e.kind() != Kind.UNREACHABLE && e.kind() != Kind.SERVER) {
        throw e;
      }
      Optional<byte[]> cached = cache.read(gun, RoleNames.TIMESTAMP);
      if (cached.isEmpty()) {
        throw e;
      }
      warnings.accept(e.getMessage() + "; using the cached trust data of " + gun + " while it is valid");
      timestamp = cached.get();
    }
    set = set.withTimestamp(timestamp);
    FileMeta snapshotMeta = set.timestamp().orElseThrow().signed().meta().get(RoleNames.SNAPSHOT);
    if (snapshotMeta == null) {
      throw new TufException(TufError.MISSING_META, RoleNames.SNAPSHOT, "the timestamp lists no snapshot");
    }
    set = set.withSnapshot(fetch(RoleNames.SNAPSHOT, snapshotMeta));
    Map<String, FileMeta> meta = set.snapshot().orElseThrow().signed().meta();
    FileMeta targetsMeta = meta.get(RoleNames.TARGETS);
    if (targetsMeta == null) {
      throw new TufException(TufError.MISSING_META, RoleNames.TARGETS, "the snapshot lists no targets");
    }
    set = set.withTargets(fetch(RoleNames.TARGETS, targetsMeta));
    Deque<String> queue = new ArrayDeque<>(List.of(RoleNames.TARGETS));
    while (!queue.isEmpty()) {
      Optional<TrustedTargets> parent = set.targets(queue.poll());
      if (parent.isEmpty()) {
        continue;
      }
      for (DelegatedRole child : parent.get().metadata().signed().delegations().roles()) {
        FileMeta childMeta = meta.get(child.name());
        if (childMeta == null) {
          continue;
        }
        try {
          set = set.withDelegation(child.name(), fetch(child.name(), childMeta));
          queue.add(child.name());
        } catch (TufException e) {
          warnings.accept("skipping the invalid delegation " + child.name() + " of " + gun + ": " + e.getMessage());
        } catch (TrustException e) {
          if (e.kind() != Kind.METADATA_NOT_FOUND && e.kind() != Kind.VERIFICATION) {
            throw e;
          }
          warnings.accept("skipping the delegation " + child.name() + " of " + gun + ": " + e.getMessage());
        }
      }
    }
    return set;
  }

  /** The cached file when it matches {@code meta}, else a download by checksum limited to its length. */
  private byte[] fetch(String role, FileMeta meta) {
    Optional<byte[]> cached = cache.read(remote.gun(), role);
    if (cached.isPresent() && meta.matches(cached.get())) {
      return cached.get();
    }
    Optional<byte[]> sha256 = meta.hash(FileMeta.SHA256);
    if (sha256.isPresent()) {
      return remote.getByChecksum(role, HexFormat.of().formatHex(sha256.get()), meta.length());
    }
    return remote.get(role, meta.length());
  }

  /** Versions of the cached files, as rollback floors (unverified reads: a floor can only make us stricter). */
  private Map<String, Long> cachedVersions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    String gun = remote.gun();
    for (String role : List.of(RoleNames.ROOT, RoleNames.TIMESTAMP, RoleNames.SNAPSHOT, RoleNames.TARGETS)) {
      cache.read(gun, role).ifPresent(bytes -> {
        try {
          long v = switch (role) {
            case RoleNames.ROOT -> MetadataReader.root(bytes, MetadataLimits.MAX_DOWNLOAD_SIZE).signed().version();
            case RoleNames.TIMESTAMP -> MetadataReader.timestamp(bytes, MetadataLimits.MAX_TIMESTAMP_SIZE).signed().version();
            case RoleNames.SNAPSHOT -> MetadataReader.snapshot(bytes, MetadataLimits.MAX_DOWNLOAD_SIZE).signed().version();
            default -> MetadataReader.targets(role, bytes, MetadataLimits.MAX_DOWNLOAD_SIZE).signed().version();
          };
          versions.put(role, v);
        } catch (TufException e) {
          warnings.accept("ignoring the unreadable cached " + role + " of " + gun + ": " + e.getMessage());
        }
      });
    }
    return versions;
  }

  private void writeCache(TrustedSet set) {
    String gun = remote.gun();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(RoleNames.ROOT, set.root().raw());
    set.timestamp().ifPresent(t -> files.put(RoleNames.TIMESTAMP, t.raw()));
    set.snapshot().ifPresent(s -> files.put(RoleNames.SNAPSHOT, s.raw()));
    for (TrustedTargets t : set.allTargets()) {
      files.put(t.role(), t.metadata().raw());
    }
    files.forEach((role, bytes) -> {
      Optional<byte[]> cached = cache.read(gun, role);
      if (cached.isEmpty() || !Arrays.equals(cached.get(), bytes)) {
        cache.write(gun, role, bytes);
      }
    });
  }

  /** TUF failures as trust errors a person can act on, keeping the TUF error as the cause. */
  static RuntimeException translate(RuntimeException e) {
    if (!(e instanceof TufException t)) {
      return e;
    }
    return switch (t.error()) {
      case EXPIRED -> new TrustException(Kind.EXPIRED, "trust data expired: " + t.getMessage()
          + " (the repository must be re-signed, or someone is replaying old metadata)", t);
      case ROLLBACK -> new TrustException(Kind.ROLLBACK, "trust data rolled back: " + t.getMessage()
          + " (possible rollback attack)", t);
      default -> new TrustException(Kind.VERIFICATION, "trust data failed verification: " + t.getMessage(), t);
    };
  }
}
