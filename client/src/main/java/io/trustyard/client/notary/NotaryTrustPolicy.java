package io.trustyard.client.notary;

import io.trustyard.client.image.TrustPolicy;
import io.trustyard.client.image.TrustedTarget;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.DigestAlgorithm;
import io.trustyard.core.oci.Reference;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.edit.Repository;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Docker Content Trust on push and pull (spec/notary.md §8): a tag is resolved through the trust
 * server to the manifest digest signed in {@code targets/releases} or {@code targets}; a pushed tag
 * is signed with the manifest's sha256 and length into {@code targets}, or into every delegation of
 * {@code targets} we hold a key for, creating the repository (root and repository keys, server
 * snapshot) on the first push.
 */
public final class NotaryTrustPolicy implements TrustPolicy {
  /** Docker's releases role: tags in it win over those signed directly in targets. */
  public static final String RELEASES = "targets/releases";

  /** Opens the trust repository of an image. */
  @FunctionalInterface
  public interface Repositories {
    NotaryRepository open(Reference image);
  }

  private final Repositories repositories;
  private final Consumer<String> out;

  public NotaryTrustPolicy(Repositories repositories, Consumer<String> out) {
    this.repositories = repositories;
    this.out = out;
  }

  @Override
  public Optional<TrustedTarget> resolve(Reference reference) {
    String tag = reference.tag();
    NotaryRepository repo = repositories.open(reference);
    TrustedSet set;
    try {
      set = repo.update();
    } catch (TrustException e) {
      if (e.kind() == Kind.REPOSITORY_NOT_FOUND) {
        throw new TrustException(Kind.REPOSITORY_NOT_FOUND, "remote trust data does not exist for "
            + repo.gun() + ": " + e.getMessage(), e);
      }
      throw e;
    }
    FileMeta meta = signedTarget(set, tag).orElseThrow(() -> new TrustException(Kind.TARGET_NOT_FOUND,
        "No trust data for " + tag));
    byte[] sha256 = meta.hash(FileMeta.SHA256).orElseThrow(() -> new TrustException(Kind.VERIFICATION,
        "the signed target " + tag + " of " + repo.gun() + " has no sha256 hash"));
    if (sha256.length != 32) {
      throw new TrustException(Kind.VERIFICATION, "the signed target " + tag + " of " + repo.gun()
          + " has a malformed sha256 hash");
    }
    Digest digest = Digest.of(DigestAlgorithm.SHA256, sha256);
    out.accept("Pull (1 of 1): " + reference.name() + ":" + tag + "@" + digest);
    return Optional.of(new TrustedTarget(tag, digest, meta.length()));
  }

  /** The tag as docker reads it: from targets/releases if it signs it, else from targets itself. */
  static Optional<FileMeta> signedTarget(TrustedSet set, String tag) {
    for (String role : List.of(RELEASES, RoleNames.TARGETS)) {
      if (set.targets(role).isEmpty()) {
        continue;
      }
      try {
        Optional<FileMeta> meta = set.targetIn(role, tag);
        if (meta.isPresent()) {
          return meta;
        }
      } catch (TufException pathViolation) {
        // A role listing a tag outside its paths does not sign it.
      }
    }
    return Optional.empty();
  }

  @Override
  public void pushed(Reference reference, TrustedTarget target) {
    out.accept("Signing and pushing trust metadata");
    NotaryRepository repo = repositories.open(reference);
    FileMeta meta = FileMeta.sha256Only(target.length(), target.digest().bytes());
    byte[] data = targetJson(meta);
    NotaryRepository.Published published = repo.publish((base, initialized) -> {
      List<Change> changes = new ArrayList<>();
      for (String role : initialized ? List.of(RoleNames.TARGETS) : signableRoles(repo, base, target.tag())) {
        changes.add(new Change(Change.CREATE, role, Change.TYPE_TARGET, target.tag(), Optional.of(data)));
      }
      return changes;
    }, NotaryRepository.Creation.DOCKER);
    if (published.initialized()) {
      out.accept("Finished initializing \"" + repo.gun() + "\"");
    }
    out.accept("Successfully signed \"" + repo.gun() + "\":" + target.tag());
  }

  /**
   * Docker's signable roles: {@code targets} when it delegates to no one; else each delegation of
   * {@code targets} that may sign the tag and whose key we hold.
   */
  static List<String> signableRoles(NotaryRepository repo, Repository base, String tag) {
    TargetsMetadata targets = base.targets().signed();
    List<DelegatedRole> delegations = targets.delegations().roles();
    if (delegations.isEmpty()) {
      return List.of(RoleNames.TARGETS);
    }
    List<String> roles = new ArrayList<>();
    for (DelegatedRole role : delegations) {
      boolean allowed = role.paths().stream().anyMatch(tag::startsWith);
      boolean held = role.keyIds().stream().map(id -> targets.delegations().keys().get(id))
          .anyMatch(k -> k != null && repo.keys().has(canonical(k)));
      if (allowed && held) {
        roles.add(role.name());
      }
    }
    if (roles.isEmpty()) {
      throw new TrustException(Kind.MISSING_KEY, "no valid signing keys for delegation roles of " + repo.gun()
          + " (import a signer key with: docker trust key load, or trustyard's equivalent)");
    }
    return roles;
  }

  private static String canonical(io.trustyard.core.crypto.TufPublicKey key) {
    try {
      return key.canonicalId();
    } catch (RuntimeException e) {
      return key.id();
    }
  }

  /** The FileMeta JSON as a changelist holds it. */
  static byte[] targetJson(FileMeta meta) {
    StringBuilder hashes = new StringBuilder();
    meta.hashes().forEach((alg, bytes) -> hashes.append(hashes.isEmpty() ? "" : ",").append('"').append(alg)
        .append("\":\"").append(Base64.getEncoder().encodeToString(bytes)).append('"'));
    return ("{\"length\":" + meta.length() + ",\"hashes\":{" + hashes + "}}").getBytes(StandardCharsets.UTF_8);
  }
}
