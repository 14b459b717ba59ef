package io.trustyard.client.notary;

import io.trustyard.client.notary.DockerTrustInfo.RoleTarget;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.edit.Repository;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.Signature;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The repository edits behind {@code docker trust sign}, {@code revoke} and {@code signer add/remove}
 * (spec/notary.md §8.8), each one publish. Staged notary changes of the repository are discarded
 * first, as docker discards them.
 */
public final class DockerSigning {
  private DockerSigning() {}

  /** The verified repository, or empty when the server has no trust data for it. */
  public static Optional<TrustedSet> current(NotaryRepository repo) {
    try {
      return Optional.of(repo.update());
    } catch (TrustException e) {
      if (e.kind() == Kind.REPOSITORY_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Adds a signer: its keys go into {@code targets/<name>} and {@code targets/releases} (path
   * {@code ""}), creating the repository first when it has none ({@code onInit} is told).
   */
  public static NotaryRepository.Published addSigner(NotaryRepository repo, String name, List<TufPublicKey> keys,
      Runnable onInit) {
    repo.changelist().clear();
    return repo.publish((base, initialized) -> {
      if (initialized) {
        onInit.run();
      }
      return signerChanges(name, keys);
    }, NotaryRepository.Creation.DOCKER);
  }

  static List<Change> signerChanges(String name, List<TufPublicKey> keys) {
    byte[] data = delegationJson(keys);
    return List.of(new Change(Change.CREATE, RoleNames.TARGETS + "/" + name, Change.TYPE_DELEGATION, "", Optional.of(data)),
        new Change(Change.CREATE, NotaryTrustPolicy.RELEASES, Change.TYPE_DELEGATION, "", Optional.of(data)));
  }

  /**
   * Starts a repository for {@code docker trust sign}: server-managed snapshot, and the signer
   * {@code user} (its first key in the trust dir by ID, else a new one) in {@code targets/<user>}
   * and {@code targets/releases}.
   */
  public static void initializeWithSigner(NotaryRepository repo, String user) {
    KeyFileStore keys = repo.keys();
    TufPrivateKey key = keys.list().stream().filter(k -> k.role().equals(user)).findFirst()
        .map(k -> keys.load(k.canonicalId())).orElseGet(() -> keys.generate(user, ""));
    repo.changelist().clear();
    repo.publish((base, initialized) -> signerChanges(user, List.of(key.publicKey())), NotaryRepository.Creation.DOCKER);
  }

  /** What removing a signer found; {@code lastReleaseSigner} when its keys hold up the releases role. */
  public record SignerRemoval(DelegatedRole signer, boolean lastReleaseSigner) {}

  /**
   * Finds signer {@code name} in the repository (empty when there is none) and whether removing it
   * would leave the releases role without enough valid signatures.
   */
  public static Optional<SignerRemoval> planSignerRemoval(TrustedSet set, String name) {
    String role = RoleNames.TARGETS + "/" + name;
    var delegations = set.targets(RoleNames.TARGETS).orElseThrow().metadata().signed().delegations();
    Optional<DelegatedRole> found = delegations.role(role);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DelegatedRole signer = found.get();
    Optional<DelegatedRole> releases = delegations.role(NotaryTrustPolicy.RELEASES);
    List<Signature> signatures = set.targets(NotaryTrustPolicy.RELEASES)
        .map(t -> t.metadata().metadata().signatures()).orElse(List.of());
    if (releases.isEmpty() || signatures.isEmpty()) {
      return Optional.of(new SignerRemoval(signer, false));
    }
    Set<String> signerKeys = Set.copyOf(signer.keyIds());
    long remaining = signatures.stream().filter(s -> releases.get().keyIds().contains(s.keyId()))
        .filter(s -> !signerKeys.contains(s.keyId())).count();
    return Optional.of(new SignerRemoval(signer, remaining < releases.get().threshold()));
  }

  /**
   * Removes signer {@code name}: its delegation is deleted and its keys leave {@code targets/releases};
   * a releases role left without keys is deleted too (no one could sign it again).
   */
  public static NotaryRepository.Published removeSigner(NotaryRepository repo, String name) {
    repo.changelist().clear();
    String role = RoleNames.TARGETS + "/" + name;
    return repo.publish((base, initialized) -> {
      var delegations = base.targets().signed().delegations();
      DelegatedRole signer = delegations.role(role).orElseThrow(() -> new TrustException(Kind.INVALID,
          "no signer " + name + " for repository " + repo.gun()));
      List<Change> changes = new ArrayList<>();
      changes.add(new Change(Change.DELETE, role, Change.TYPE_DELEGATION, "", Optional.empty()));
      delegations.role(NotaryTrustPolicy.RELEASES).ifPresent(releases -> {
        List<String> removed = releases.keyIds().stream().filter(signer.keyIds()::contains).toList();
        if (removed.isEmpty()) {
          return;
        }
        if (removed.size() == releases.keyIds().size()) {
          changes.add(new Change(Change.DELETE, NotaryTrustPolicy.RELEASES, Change.TYPE_DELEGATION, "",
              Optional.empty()));
        } else {
          changes.add(new Change(Change.UPDATE, NotaryTrustPolicy.RELEASES, Change.TYPE_DELEGATION, "",
              Optional.of(("{\"remove_keys\":[" + removed.stream().map(id -> "\"" + id + "\"")
                  .collect(Collectors.joining(",")) + "]}").getBytes(StandardCharsets.UTF_8))));
        }
      });
      return changes;
    }, NotaryRepository.Creation.DOCKER);
  }

  /** Signs {@code tag} as {@code target} into every role docker would sign it into. */
  public static NotaryRepository.Published signTarget(NotaryRepository repo, String tag, FileMeta target) {
    repo.changelist().clear();
    byte[] data = NotaryTrustPolicy.targetJson(target);
    return repo.publish((base, initialized) -> {
      List<Change> changes = new ArrayList<>();
      for (String role : NotaryTrustPolicy.signableRoles(repo, base, tag)) {
        changes.add(new Change(Change.CREATE, role, Change.TYPE_TARGET, tag, Optional.of(data)));
      }
      return changes;
    }, NotaryRepository.Creation.DOCKER);
  }

  /**
   * Removes the signature of {@code tag} (every released tag when empty) from every role we can sign.
   *
   * @throws TrustException TARGET_NOT_FOUND when there is nothing to remove
   */
  public static NotaryRepository.Published revoke(NotaryRepository repo, TrustedSet set, String tag) {
    List<String> tags = new ArrayList<>();
    if (!tag.isEmpty()) {
      boolean released = releasedIn(set, NotaryTrustPolicy.RELEASES, tag) || releasedIn(set, RoleNames.TARGETS, tag);
      if (!released) {
        throw new TrustException(Kind.TARGET_NOT_FOUND, "No valid trust data for " + tag);
      }
      tags.add(tag);
    } else {
      for (String role : List.of(NotaryTrustPolicy.RELEASES, RoleNames.TARGETS)) {
        DockerTrustInfo.targetsNamed(set, "").stream().filter(t -> t.role().equals(role)).map(RoleTarget::name)
            .filter(n -> !tags.contains(n)).forEach(tags::add);
      }
      if (tags.isEmpty()) {
        throw new TrustException(Kind.TARGET_NOT_FOUND, "no signed tags to remove");
      }
    }
    repo.changelist().clear();
    return repo.publish((Repository base, boolean initialized) -> {
      List<Change> changes = new ArrayList<>();
      for (String t : tags) {
        for (String role : NotaryTrustPolicy.signableRoles(repo, base, t)) {
          changes.add(new Change(Change.DELETE, role, Change.TYPE_TARGET, t, Optional.empty()));
        }
      }
      return changes;
    }, NotaryRepository.Creation.DOCKER);
  }

  private static boolean releasedIn(TrustedSet set, String role, String tag) {
    return DockerTrustInfo.targetsNamed(set, tag).stream().anyMatch(t -> t.role().equals(role));
  }

  /** A delegation change adding {@code keys} with path {@code ""}, as notary stages it. */
  static byte[] delegationJson(List<TufPublicKey> keys) {
    String added = keys.stream().map(k -> "{\"keytype\":\"" + k.keyType() + "\",\"keyval\":{\"public\":\""
        + Base64.getEncoder().encodeToString(k.publicBytes()) + "\",\"private\":null}}")
        .collect(Collectors.joining(","));
    return ("{\"threshold\":1,\"add_keys\":[" + added + "],\"add_paths\":[\"\"]}").getBytes(StandardCharsets.UTF_8);
  }
}
