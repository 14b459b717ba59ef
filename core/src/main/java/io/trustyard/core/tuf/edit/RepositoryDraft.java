package io.trustyard.core.tuf.edit;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.Delegations;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleKeys;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.UnknownFields;
import io.trustyard.core.tuf.verify.DelegationKeyChecks;
import io.trustyard.core.tuf.verify.RootChecks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pending changes to one repository, signed as the next version of each changed role by
 * {@link #publish()} (Notary's changelist, applied in one go: each changed role goes up one
 * version however many changes it received). Not thread-safe; one draft per publish.
 */
public final class RepositoryDraft {
  private final RepositoryEditor editor;
  private final Repository base;
  private RootMetadata root;
  /** {@code targets} and every delegation that has (or will have) its own metadata. */
  private final Map<String, TargetsMetadata> targetsRoles = new LinkedHashMap<>();
  private final Set<String> dirty = new LinkedHashSet<>();

  RepositoryDraft(RepositoryEditor editor, Repository base) {
    this.editor = editor;
    this.base = base;
    this.root = base.root().signed();
    targetsRoles.put(RoleNames.TARGETS, base.targets().signed());
    base.delegations().forEach((name, signed) -> targetsRoles.put(name, signed.signed()));
  }

  /** Adds or replaces a target in {@code role}, which must be allowed to sign for its name. */
  public RepositoryDraft addTarget(String role, String name, FileMeta meta) {
    List<String> paths = effectivePaths(role);
    if (paths.stream().noneMatch(name::startsWith)) {
      throw new TufException(TufError.DELEGATION_PATH_VIOLATION, role,
          "may not sign for target \"" + name + "\"; its paths are " + paths);
    }
    TargetsMetadata body = targetsBody(role);
    Map<String, FileMeta> targets = new LinkedHashMap<>(body.targets());
    targets.put(name, meta);
    update(role, body.withTargets(targets));
    return this;
  }

  public RepositoryDraft removeTarget(String role, String name) {
    TargetsMetadata body = targetsBody(role);
    if (body.targets().containsKey(name)) {
      Map<String, FileMeta> targets = new LinkedHashMap<>(body.targets());
      targets.remove(name);
      update(role, body.withTargets(targets));
    }
    return this;
  }

  /** Creates or replaces the delegation {@code name} in its parent (keys, threshold, paths). */
  public RepositoryDraft putDelegation(String name, List<TufPublicKey> keys, int threshold, List<String> paths) {
    return putDelegation(name, keys, threshold, paths, true);
  }

  /**
   * Notary's edit of a delegation (a staged delegation change). A missing delegation is created
   * with {@code addKeys}, {@code newThreshold} and {@code addPaths} (it needs keys). An existing
   * one loses {@code removePaths} (all paths with {@code clearPaths}), gains {@code addPaths}, loses
   * the keys of {@code removeKeyIds} (TUF IDs) and gains {@code addKeys}; its threshold stays. As
   * notary allows, it may be left with fewer keys than its threshold: unusable until keys are
   * added, which is how a delegation's keys are replaced one command at a time.
   */
  public RepositoryDraft updateDelegation(String name, List<TufPublicKey> addKeys, Collection<String> removeKeyIds,
      List<String> addPaths, Collection<String> removePaths, boolean clearPaths, int newThreshold) {
    Optional<DelegatedRole> existing = findEntry(name);
    if (existing.isEmpty()) {
      if (addKeys.isEmpty()) {
        throw new TufException(TufError.UNKNOWN_DELEGATION, name, "no valid delegated role exists; add keys to create it");
      }
      return putDelegation(name, addKeys, Math.max(1, newThreshold), addPaths, true);
    }
    DelegatedRole entry = existing.get();
    Set<String> paths = new LinkedHashSet<>(entry.paths());
    paths.removeAll(removePaths);
    if (clearPaths) {
      paths.clear();
    }
    paths.addAll(addPaths);
    List<TufPublicKey> keys = new ArrayList<>(delegationKeys(entry).stream()
        .filter(k -> !removeKeyIds.contains(k.id())).toList());
    addKeys.stream().filter(k -> keys.stream().noneMatch(have -> have.id().equals(k.id()))).forEach(keys::add);
    return putDelegation(name, keys, entry.threshold(), List.copyOf(paths), false);
  }

  /**
   * Removes keys, by canonical key ID, from every delegation (notary's {@code delegation purge}):
   * from the delegation key lists of {@code targets} and of every delegation with metadata here.
   */
  public RepositoryDraft purgeDelegationKeys(Collection<String> canonicalIds) {
    for (String role : List.copyOf(targetsRoles.keySet())) {
      TargetsMetadata body = targetsRoles.get(role);
      Set<String> purged = new HashSet<>();
      body.delegations().keys().forEach((id, key) -> {
        if (canonicalIds.contains(key.canonicalId())) {
          purged.add(id);
        }
      });
      if (purged.isEmpty()) {
        continue;
      }
      List<DelegatedRole> roles = body.delegations().roles().stream()
          .map(r -> new DelegatedRole(r.name(), r.keyIds().stream().filter(id -> !purged.contains(id)).toList(),
              r.threshold(), r.paths(), r.unknown()))
          .toList();
      update(role, body.withDelegations(pruneKeys(body.delegations().keys(), roles, body.delegations())));
    }
    return this;
  }

  /** The keys a delegation lists now (none when it does not exist). */
  public List<TufPublicKey> delegationKeys(String name) {
    return findEntry(name).map(this::delegationKeys).orElse(List.of());
  }

  private Optional<DelegatedRole> findEntry(String name) {
    if (!RoleNames.isDelegation(name)) {
      throw new TufException(TufError.INVALID_STRUCTURE, name, "is not a valid delegation name");
    }
    TargetsMetadata parent = targetsRoles.get(RoleNames.parent(name));
    return parent == null ? Optional.empty() : parent.delegations().role(name);
  }

  private RepositoryDraft putDelegation(String name, List<TufPublicKey> keys, int threshold, List<String> paths,
      boolean thresholdReachable) {
    if (!RoleNames.isDelegation(name)) {
      throw new TufException(TufError.INVALID_STRUCTURE, name, "is not a valid delegation name");
    }
    if (threshold < 1 || (thresholdReachable && threshold > keys.size())) {
      throw new TufException(TufError.INVALID_STRUCTURE, name,
          "threshold " + threshold + " must be between 1 and the number of keys (" + keys.size() + ")");
    }
    String parent = RoleNames.parent(name);
    List<String> parentPaths = effectivePaths(parent);
    List<String> outside = paths.stream().filter(p -> parentPaths.stream().noneMatch(p::startsWith)).toList();
    if (!outside.isEmpty()) {
      throw new TufException(TufError.DELEGATION_PATH_VIOLATION, name,
          "paths " + outside + " are outside the paths of " + parent + ": " + parentPaths);
    }
    keys.forEach(key -> DelegationKeyChecks.requireUsable(name, key));
    TargetsMetadata parentBody = targetsBody(parent);
    Map<String, TufPublicKey> parentKeys = new LinkedHashMap<>(parentBody.delegations().keys());
    keys.forEach(k -> parentKeys.put(k.id(), k));
    DelegatedRole entry = new DelegatedRole(name, keys.stream().map(TufPublicKey::id).toList(), threshold,
        paths, parentBody.delegations().role(name).map(DelegatedRole::unknown).orElse(UnknownFields.NONE));
    List<DelegatedRole> roles = new ArrayList<>(parentBody.delegations().roles());
    int index = indexOf(roles, name);
    if (index >= 0) {
      roles.set(index, entry);
    } else {
      roles.add(entry);
    }
    update(parent, parentBody.withDelegations(pruneKeys(parentKeys, roles, parentBody.delegations())));
    return this;
  }

  public RepositoryDraft addDelegationKeys(String name, List<TufPublicKey> keys) {
    DelegatedRole entry = entry(name);
    List<TufPublicKey> all = new ArrayList<>(delegationKeys(entry));
    keys.stream().filter(k -> !entry.keyIds().contains(k.id())).forEach(all::add);
    return putDelegation(name, all, entry.threshold(), entry.paths());
  }

  /** Removes keys by TUF ID; the threshold is kept, so removing too many fails. */
  public RepositoryDraft removeDelegationKeys(String name, Collection<String> keyIds) {
    DelegatedRole entry = entry(name);
    List<TufPublicKey> kept = delegationKeys(entry).stream().filter(k -> !keyIds.contains(k.id())).toList();
    return putDelegation(name, kept, entry.threshold(), entry.paths());
  }

  public RepositoryDraft addDelegationPaths(String name, List<String> paths) {
    DelegatedRole entry = entry(name);
    Set<String> all = new LinkedHashSet<>(entry.paths());
    all.addAll(paths);
    return putDelegation(name, delegationKeys(entry), entry.threshold(), List.copyOf(all));
  }

  public RepositoryDraft removeDelegationPaths(String name, Collection<String> paths) {
    DelegatedRole entry = entry(name);
    return putDelegation(name, delegationKeys(entry), entry.threshold(),
        entry.paths().stream().filter(p -> !paths.contains(p)).toList());
  }

  /** Removes the delegation from its parent, with its metadata and everything below it. */
  public RepositoryDraft removeDelegation(String name) {
    entry(name);
    String parent = RoleNames.parent(name);
    TargetsMetadata parentBody = targetsBody(parent);
    List<DelegatedRole> roles = new ArrayList<>(parentBody.delegations().roles());
    roles.remove(indexOf(roles, name));
    update(parent, parentBody.withDelegations(pruneKeys(parentBody.delegations().keys(), roles,
        parentBody.delegations())));
    targetsRoles.keySet().removeIf(r -> r.equals(name) || r.startsWith(name + "/"));
    dirty.removeIf(r -> r.equals(name) || r.startsWith(name + "/"));
    return this;
  }

  /**
   * Replaces the keys of a base role in root (Notary's key rotation). Old root keys stay in
   * {@code keys} and sign the new root too, so clients that trust the old root accept it; other
   * roles' unused old keys are dropped. The rotated role is re-signed with its new keys.
   */
  public RepositoryDraft rotateKeys(String role, List<TufPublicKey> keys, int threshold) {
    if (!RoleNames.isBaseRole(role)) {
      throw new TufException(TufError.INVALID_STRUCTURE, role, "only base roles have keys in root");
    }
    if (threshold < 1 || threshold > keys.size()) {
      throw new TufException(TufError.INVALID_STRUCTURE, role,
          "threshold " + threshold + " must be between 1 and the number of keys (" + keys.size() + ")");
    }
    Map<String, TufPublicKey> allKeys = new LinkedHashMap<>(root.keys());
    keys.forEach(k -> allKeys.put(k.id(), k));
    Map<String, RoleKeys> roles = new LinkedHashMap<>(root.roles());
    RoleKeys previous = roles.get(role);
    roles.put(role, new RoleKeys(keys.stream().map(TufPublicKey::id).toList(), threshold, previous.unknown()));
    if (!role.equals(RoleNames.ROOT)) {
      Set<String> inUse = new HashSet<>();
      roles.values().forEach(r -> inUse.addAll(r.keyIds()));
      previous.keyIds().stream().filter(id -> !inUse.contains(id)).forEach(allKeys::remove);
    }
    root = root.withKeysAndRoles(allKeys, roles);
    dirty.add(RoleNames.ROOT);
    if (RoleNames.isTargetsRole(role)) {
      dirty.add(role);
    }
    return this;
  }

  /** Re-signs a role unchanged but for version and expiry (e.g. before it expires). */
  public RepositoryDraft resign(String role) {
    if (!role.equals(RoleNames.ROOT) && !targetsRoles.containsKey(role)) {
      // Re-signing a role without metadata here would publish it empty, losing what it signed.
      throw new TufException(TufError.UNKNOWN_DELEGATION, role, "has no valid metadata in this repository to re-sign");
    }
    dirty.add(role);
    return this;
  }

  /** Roles changed so far. */
  public Set<String> changedRoles() {
    return Set.copyOf(dirty);
  }

  /**
   * Signs every changed role as its next version, then snapshot and timestamp when the signer
   * holds their keys, and verifies the result (a new root as a rotation of the old one).
   */
  public Repository publish() {
    Signed<RootMetadata> newRoot = base.root();
    if (dirty.contains(RoleNames.ROOT)) {
      RootMetadata body = root.withVersionAndExpiry(base.root().signed().version() + 1,
          editor.expiry(RoleNames.ROOT));
      List<TufPublicKey> signing = new ArrayList<>(new LinkedHashSet<>(concat(
          body.roleKeys(RoleNames.ROOT), base.root().signed().roleKeys(RoleNames.ROOT))));
      newRoot = editor.sign(RoleNames.ROOT, body, signing, body.roleKeys(RoleNames.ROOT),
          body.roles().get(RoleNames.ROOT).threshold());
      RootChecks.verifyRotation(base.gun(), base.root().signed(),
          MetadataReader.root(MetadataWriter.encode(newRoot), MetadataLimits.MAX_DOWNLOAD_SIZE), editor.now());
    }
    Map<String, Signed<TargetsMetadata>> signed = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(targetsRoles.keySet());
    order.sort(Comparator.comparingLong(r -> r.chars().filter(c -> c == '/').count()));
    for (String role : order) {
      Optional<Signed<TargetsMetadata>> previous = base.targets(role);
      if (!dirty.contains(role) && previous.isPresent()) {
        signed.put(role, previous.get());
        continue;
      }
      TargetsMetadata body = targetsRoles.get(role).withVersionAndExpiry(
          previous.map(p -> p.signed().version() + 1).orElse(1L), editor.expiry(role));
      List<TufPublicKey> keys;
      int threshold;
      if (role.equals(RoleNames.TARGETS)) {
        keys = newRoot.signed().roleKeys(role);
        threshold = newRoot.signed().roles().get(role).threshold();
      } else {
        DelegatedRole entry = entry(role);
        keys = delegationKeys(entry);
        threshold = entry.threshold();
      }
      signed.put(role, editor.sign(role, body, keys, keys, threshold));
    }
    Map<String, Signed<TargetsMetadata>> delegations = new LinkedHashMap<>(signed);
    delegations.remove(RoleNames.TARGETS);
    Repository unsnapshotted = new Repository(base.gun(), newRoot, signed.get(RoleNames.TARGETS), delegations,
        Optional.empty(), Optional.empty());
    return editor.finish(unsnapshotted, base.snapshot().map(Signed::signed), base.timestamp().map(Signed::signed),
        dirty);
  }

  private TargetsMetadata targetsBody(String role) {
    TargetsMetadata body = targetsRoles.get(role);
    if (body != null) {
      return body;
    }
    if (!RoleNames.isDelegation(role)) {
      throw RepositoryEditor.missing(role, "is not a targets role of this repository");
    }
    entry(role);
    // A delegation gets its own metadata the first time something is put in it.
    return new TargetsMetadata(0, editor.expiry(role), Map.of(), Delegations.EMPTY, UnknownFields.NONE);
  }

  private void update(String role, TargetsMetadata body) {
    targetsRoles.put(role, body);
    dirty.add(role);
  }

  private DelegatedRole entry(String name) {
    if (!RoleNames.isDelegation(name)) {
      throw new TufException(TufError.UNKNOWN_DELEGATION, name, "is not a delegation name");
    }
    TargetsMetadata parent = targetsRoles.get(RoleNames.parent(name));
    if (parent == null) {
      throw new TufException(TufError.UNKNOWN_DELEGATION, name, "its parent " + RoleNames.parent(name)
          + " has no metadata in this repository");
    }
    return parent.delegations().role(name).orElseThrow(() -> new TufException(TufError.UNKNOWN_DELEGATION,
        name, RoleNames.parent(name) + " does not delegate to it"));
  }

  private List<TufPublicKey> delegationKeys(DelegatedRole entry) {
    Map<String, TufPublicKey> keys = targetsRoles.get(RoleNames.parent(entry.name())).delegations().keys();
    return entry.keyIds().stream().map(keys::get).filter(k -> k != null).toList();
  }

  private List<String> effectivePaths(String role) {
    if (role.equals(RoleNames.TARGETS)) {
      return List.of("");
    }
    List<String> parentPaths = effectivePaths(RoleNames.parent(role));
    return entry(role).paths().stream().filter(p -> parentPaths.stream().anyMatch(p::startsWith)).toList();
  }

  private static Delegations pruneKeys(Map<String, TufPublicKey> keys, List<DelegatedRole> roles,
      Delegations previous) {
    Set<String> inUse = new HashSet<>();
    roles.forEach(r -> inUse.addAll(r.keyIds()));
    Map<String, TufPublicKey> kept = new LinkedHashMap<>(keys);
    kept.keySet().retainAll(inUse);
    return new Delegations(kept, roles, previous.unknown());
  }

  private static int indexOf(List<DelegatedRole> roles, String name) {
    for (int i = 0; i < roles.size(); i++) {
      if (roles.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static List<TufPublicKey> concat(List<TufPublicKey> a, List<TufPublicKey> b) {
    List<TufPublicKey> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
