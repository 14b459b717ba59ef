package io.trustyard.client.notary;

import io.trustyard.client.auth.Credentials;
import io.trustyard.client.notary.NotaryClient.Access;
import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.MetadataCache;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.client.trust.TrustPinning;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.edit.Repository;
import io.trustyard.core.tuf.edit.RepositoryDraft;
import io.trustyard.core.tuf.edit.RepositoryEditor;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.verify.SignatureChecks;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One repository (GUN) on a Notary server, seen through a trust dir: the verified metadata
 * ({@link #update}), and publishing (spec/notary.md §7.4): initialising a repository (root key
 * with a self-signed certificate, targets key, snapshot key local or held by the server,
 * timestamp key always on the server), applying changes, signing the changed roles with the
 * trust dir's keys and uploading them in one multipart POST; and key rotation (§7.5).
 */
public final class NotaryRepository {
  private static final Duration ROOT_CERT_VALIDITY = Duration.ofDays(3650);
  private static final Duration ROOT_RESIGN_BEFORE_EXPIRY = Duration.ofDays(182);

  private final String gun;
  private final URI server;
  private final HttpClient http;
  private final Optional<Credentials> credentials;
  private final TrustDir trustDir;
  private final KeyFileStore keys;
  private final TrustPinning pinning;
  private final Clock clock;
  private final SecureRandom random;
  private final Consumer<String> warnings;
  private final Map<Access, NotaryClient> clients = new EnumMap<>(Access.class);

  /** What a publish did. */
  public record Published(boolean initialized, Repository repository, List<String> uploaded) {}

  public NotaryRepository(String gun, URI server, HttpClient http, Optional<Credentials> credentials,
      KeyFileStore keys, TrustPinning pinning, Clock clock, SecureRandom random, Consumer<String> warnings) {
    this.gun = TrustDir.checkGun(gun);
    this.server = server;
    this.http = http;
    this.credentials = credentials;
    this.keys = keys;
    this.trustDir = keys.dir();
    this.pinning = pinning;
    this.clock = clock;
    this.random = random;
    this.warnings = warnings;
  }

  public String gun() {
    return gun;
  }

  public KeyFileStore keys() {
    return keys;
  }

  public synchronized NotaryClient client(Access access) {
    return clients.computeIfAbsent(access, a -> new NotaryClient(server, http, gun, a, credentials));
  }

  public Changelist changelist() {
    return new Changelist(trustDir, gun);
  }

  /** The verified current metadata (reads: the cached root is trusted as it is). */
  public TrustedSet update() {
    return updater(Access.PULL).update(false);
  }

  private TufUpdater updater(Access access) {
    return new TufUpdater(client(access), new MetadataCache(trustDir), pinning, clock, warnings);
  }

  /**
   * How a publish creates a repository the server has no trust data for. A fresh repository has
   * the first root key of the trust dir (sorted by ID) or a new one, and a new targets key.
   */
  public enum Creation {
    /**
     * As docker does: always a fresh repository, its snapshot key held by the server; what a
     * local {@code notary init} left unpublished is replaced.
     */
    DOCKER,
    /**
     * As {@code notary publish} does: what a local {@code init} (ours or the notary CLI's) left
     * in the cache, as it is; else a fresh repository with a local snapshot key.
     */
    NOTARY
  }

  /** Publishes {@code changes} plus whatever is staged in the changelist, creating the repository as {@code creation} says. */
  public Published publish(List<Change> changes, Creation creation) {
    return publish((base, initialized) -> changes, creation);
  }

  /** What to change, decided once the current repository (or a newly initialised one) is known. */
  @FunctionalInterface
  public interface ChangePlanner {
    List<Change> changes(Repository base, boolean initialized);
  }

  /** {@link #publish(List, Creation)} with changes that depend on the repository as it is. */
  public Published publish(ChangePlanner planner, Creation creation) {
    Repository base;
    boolean initialized = false;
    try {
      base = Repository.of(updater(Access.PUSH).update(true));
    } catch (TrustException e) {
      if (e.kind() != Kind.REPOSITORY_NOT_FOUND) {
        throw e;
      }
      base = switch (creation) {
        case DOCKER -> initialize(true);
        case NOTARY -> cachedUnpublished().orElseGet(() -> initialize(false));
      };
      initialized = true;
    }
    Changelist staged = changelist();
    List<Change> all = new java.util.ArrayList<>(staged.list());
    all.addAll(planner.changes(base, initialized));
    Repository next;
    try {
      RepositoryDraft draft = editor().edit(base);
      for (Change change : all) {
        ChangeApplier.apply(draft, change);
      }
      if (base.root().signed().expires().toInstant().isBefore(clock.instant().plus(ROOT_RESIGN_BEFORE_EXPIRY))) {
        draft.resign(RoleNames.ROOT);
      }
      next = draft.changedRoles().isEmpty() ? base : draft.publish();
    } catch (TufException e) {
      if (e.error() == io.trustyard.core.tuf.TufError.THRESHOLD_NOT_MET) {
        throw new TrustException(Kind.MISSING_KEY, "cannot sign " + e.role() + " of " + gun + ": its private key"
            + " is not in " + trustDir.privateDir() + " (" + e.getMessage() + ")", e);
      }
      throw new TrustException(Kind.INVALID, "cannot sign the changes to " + gun + ": " + e.getMessage(), e);
    }
    List<String> uploaded = upload(initialized ? null : base, next);
    staged.clear();
    if (initialized) {
      new MetadataCache(trustDir).write(gun, RoleNames.ROOT, next.file(RoleNames.ROOT).orElseThrow());
    }
    return new Published(initialized, next, uploaded);
  }

  /**
   * Rotates the key of {@code role}: to a new key made by the server ({@code serverManaged}, for
   * snapshot and timestamp) or a new local ECDSA key (root gets a new self-signed certificate),
   * then publishes the new root at once. Old local keys of non-root roles are deleted.
   */
  public Published rotateKey(String role, boolean serverManaged) {
    return rotateKey(role, serverManaged, List.of());
  }

  /**
   * {@link #rotateKey(String, boolean)} to the given private keys instead of a new one (notary's
   * {@code key rotate -k}): they are saved in the trust dir under {@code role} first. A new root is
   * signed by the old root keys and the new ones, so clients holding the old root accept it.
   */
  public Published rotateKey(String role, boolean serverManaged, List<TufPrivateKey> newKeys) {
    if (!RoleNames.isBaseRole(role)) {
      throw new TrustException(Kind.INVALID, "notary does not currently permit rotating the " + role + " key");
    }
    if (serverManaged && !role.equals(RoleNames.TIMESTAMP) && !role.equals(RoleNames.SNAPSHOT)) {
      throw new TrustException(Kind.INVALID, "notary does not permit the server managing the " + role + " key");
    }
    if (!serverManaged && role.equals(RoleNames.TIMESTAMP)) {
      throw new TrustException(Kind.INVALID, "notary does not permit the client managing the timestamp key"
          + " (it is always managed by the server; rotate it with -r)");
    }
    if (serverManaged && !newKeys.isEmpty()) {
      throw new TrustException(Kind.INVALID, "a server-managed key is made by the server; do not give key files");
    }
    Repository base = Repository.of(updater(Access.ADMIN).update(true));
    List<TufPublicKey> old = base.root().signed().roleKeys(role);
    List<TufPublicKey> fresh = new java.util.ArrayList<>();
    if (serverManaged) {
      fresh.add(client(Access.ADMIN).rotateKey(role));
    } else {
      List<TufPrivateKey> privateKeys = newKeys;
      if (privateKeys.isEmpty()) {
        privateKeys = List.of(keys.generate(role, gun));
      } else {
        privateKeys.forEach(k -> keys.save(k, role, gun));
      }
      for (TufPrivateKey key : privateKeys) {
        fresh.add(role.equals(RoleNames.ROOT) ? rootCertificate(key.bare()) : key.bare().publicKey());
      }
    }
    Repository next;
    try {
      next = editor().edit(base).rotateKeys(role, fresh, 1).publish();
    } catch (TufException e) {
      throw new TrustException(Kind.MISSING_KEY, "cannot sign the rotated " + role + " key of " + gun + ": "
          + e.getMessage(), e);
    }
    List<String> uploaded = upload(base, next);
    if (!role.equals(RoleNames.ROOT)) {
      for (TufPublicKey k : old) {
        if (keys.has(k.canonicalId())) {
          keys.remove(k.canonicalId());
        }
      }
    }
    return new Published(false, next, uploaded);
  }

  /**
   * Initialises the repository in the trust dir only, as {@code notary init} does: root key
   * {@code rootKeyId} (a new one when empty) presented as {@code rootCertificate} (which must
   * hold that key) or as a new self-signed certificate; new local targets and snapshot keys; the
   * server's timestamp key. Root, targets and snapshot version 1 are written to the cache, and
   * the next publish uploads them.
   */
  public Repository initializeLocally(Optional<String> rootKeyId, Optional<TufPublicKey> rootCertificate) {
    NotaryClient push = client(Access.PUSH);
    TufPublicKey timestampKey = push.getKey(RoleNames.TIMESTAMP);
    TufPrivateKey rootKey = rootKeyId.isPresent() ? keys.load(rootKeyId.get()) : keys.generate(RoleNames.ROOT, gun);
    TufPublicKey rootPublic;
    if (rootCertificate.isPresent()) {
      try {
        rootPublic = rootKey.withPublicKey(rootCertificate.get()).publicKey();
      } catch (io.trustyard.core.crypto.TufCryptoException e) {
        throw new TrustException(Kind.INVALID, "could not obtain public key from IDs: the root certificate does not"
            + " hold root key " + rootKey.canonicalId(), e);
      }
    } else {
      rootPublic = rootCertificate(rootKey);
    }
    TufPrivateKey targetsKey = keys.generate(RoleNames.TARGETS, gun);
    TufPrivateKey snapshotKey = keys.generate(RoleNames.SNAPSHOT, gun);
    Repository repository;
    try {
      repository = editor().initialize(gun, List.of(rootPublic), targetsKey.publicKey(), snapshotKey.publicKey(),
          timestampKey);
    } catch (TufException e) {
      throw new TrustException(Kind.INVALID, "cannot initialize " + gun + ": " + e.getMessage(), e);
    }
    MetadataCache cache = new MetadataCache(trustDir);
    for (String role : List.of(RoleNames.ROOT, RoleNames.TARGETS, RoleNames.SNAPSHOT)) {
      repository.file(role).ifPresent(bytes -> cache.write(gun, role, bytes));
    }
    return repository;
  }

  /**
   * The repository as a local {@code init} left it in the cache (root, targets and, unless the
   * server makes it, snapshot; no timestamp), each checked against the cached root's keys; empty
   * when no root is cached.
   */
  private Optional<Repository> cachedUnpublished() {
    MetadataCache cache = new MetadataCache(trustDir);
    Optional<byte[]> rootBytes = cache.read(gun, RoleNames.ROOT);
    Optional<byte[]> targetsBytes = cache.read(gun, RoleNames.TARGETS);
    if (rootBytes.isEmpty() || targetsBytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      TrustedSet rootOnly = TrustedSet.bootstrap(gun, rootBytes.get(), clock.instant());
      var root = rootOnly.root().signed();
      var targets = MetadataReader.targets(RoleNames.TARGETS, targetsBytes.get(), MetadataLimits.MAX_DOWNLOAD_SIZE);
      requireSigned(RoleNames.TARGETS, root, targets);
      Optional<io.trustyard.core.tuf.model.Signed<io.trustyard.core.tuf.model.SnapshotMetadata>> snapshot =
          Optional.empty();
      Optional<byte[]> snapshotBytes = cache.read(gun, RoleNames.SNAPSHOT);
      if (snapshotBytes.isPresent()) {
        var parsed = MetadataReader.snapshot(snapshotBytes.get(), MetadataLimits.MAX_DOWNLOAD_SIZE);
        requireSigned(RoleNames.SNAPSHOT, root, parsed);
        snapshot = Optional.of(parsed.metadata());
      }
      return Optional.of(new Repository(gun, rootOnly.root().metadata(), targets.metadata(), Map.of(), snapshot,
          Optional.empty()));
    } catch (TufException e) {
      throw new TrustException(Kind.VERIFICATION, "the locally initialized trust data of " + gun + " in "
          + trustDir.metadataDir(gun) + " is invalid: " + e.getMessage(), e);
    }
  }

  private static void requireSigned(String role, io.trustyard.core.tuf.model.RootMetadata root,
      io.trustyard.core.tuf.codec.Parsed<?> parsed) {
    var roleKeys = root.roles().get(role);
    SignatureChecks.requireThreshold(role, parsed.signedBytes(), parsed.metadata().signatures(),
        root.roleKeys(role), roleKeys == null ? 1 : roleKeys.threshold());
  }

  private Repository initialize(boolean serverManagedSnapshot) {
    NotaryClient push = client(Access.PUSH);
    TufPublicKey timestampKey = push.getKey(RoleNames.TIMESTAMP);
    List<KeyFileStore.KeyInfo> roots = keys.rootKeys();
    TufPrivateKey rootKey = roots.isEmpty() ? keys.generate(RoleNames.ROOT, gun) : keys.load(roots.get(0).canonicalId());
    if (!roots.isEmpty()) {
      warnings.accept("Root key found, using: " + rootKey.canonicalId());
    }
    TufPublicKey rootCert = rootCertificate(rootKey);
    TufPrivateKey targetsKey = keys.generate(RoleNames.TARGETS, gun);
    TufPublicKey snapshotKey = serverManagedSnapshot ? push.getKey(RoleNames.SNAPSHOT)
        : keys.generate(RoleNames.SNAPSHOT, gun).publicKey();
    try {
      return editor().initialize(gun, List.of(rootCert), targetsKey.publicKey(), snapshotKey, timestampKey);
    } catch (TufException e) {
      throw new TrustException(Kind.INVALID, "cannot initialize " + gun + ": " + e.getMessage(), e);
    }
  }

  private TufPublicKey rootCertificate(TufPrivateKey key) {
    Instant now = clock.instant();
    return RootCertificates.toX509Key(RootCertificates.create(key, gun, now, now.plus(ROOT_CERT_VALIDITY), random));
  }

  private RepositoryEditor editor() {
    return new RepositoryEditor(new KeyStoreSigner(keys), clock.instant());
  }

  /** Uploads the roles of {@code next} that differ from {@code base} (everything when base is null); never timestamp. */
  private List<String> upload(Repository base, Repository next) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    next.files().forEach((role, bytes) -> {
      if (role.equals(RoleNames.TIMESTAMP)) {
        return;
      }
      Optional<byte[]> before = base == null ? Optional.empty() : base.file(role);
      if (before.isEmpty() || !Arrays.equals(before.get(), bytes)) {
        files.put(role, bytes);
      }
    });
    if (files.isEmpty()) {
      return List.of();
    }
    client(Access.PUSH).publish(files);
    return List.copyOf(files.keySet());
  }
}
