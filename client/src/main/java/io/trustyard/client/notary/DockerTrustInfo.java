package io.trustyard.client.notary;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.verify.TrustedSet;
import io.trustyard.core.tuf.verify.TrustedTargets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code docker trust inspect} reports about a repository (spec/notary.md §8.8): the tags
 * released (signed into {@code targets} or {@code targets/releases}) with the signers that signed
 * the same digest in other roles, the signers (delegations other than releases) with their
 * canonical key IDs, and the root and repository (targets) key IDs as root lists them.
 */
public record DockerTrustInfo(List<SignedTag> signedTags, Map<String, List<String>> signers,
    List<String> rootKeys, List<String> repositoryKeys) {

  /** docker's name for a tag signed only by the repository's own targets or releases role. */
  public static final String REPO_ADMIN = "Repo Admin";

  /** A released tag and digest (sha256 hex), with the signers that also signed it. */
  public record SignedTag(String tag, String digest, List<String> signers) {
    public SignedTag {
      signers = List.copyOf(signers);
    }
  }

  /** A target as listed by one role, in the order notary's walk visits roles. */
  public record RoleTarget(String role, String name, FileMeta meta) {
    public String sha256Hex() {
      return meta.hash(FileMeta.SHA256).map(HexFormat.of()::formatHex).orElse("");
    }
  }

  public DockerTrustInfo {
    signedTags = List.copyOf(signedTags);
    signers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signers));
    rootKeys = List.copyOf(rootKeys);
    repositoryKeys = List.copyOf(repositoryKeys);
  }

  /** The information for one tag, or every tag when {@code tag} is empty. */
  public static DockerTrustInfo of(TrustedSet set, String tag) {
    List<RoleTarget> all = targetsNamed(set, tag);
    Map<List<String>, List<String>> released = new LinkedHashMap<>();
    for (RoleTarget t : all) {
      if (isReleased(t.role())) {
        released.putIfAbsent(List.of(t.name(), t.sha256Hex()), new ArrayList<>());
      }
    }
    for (RoleTarget t : all) {
      List<String> signersOfTag = released.get(List.of(t.name(), t.sha256Hex()));
      if (signersOfTag != null && !isReleased(t.role())) {
        signersOfTag.add(signerName(t.role()));
      }
    }
    List<SignedTag> rows = new ArrayList<>();
    released.forEach((key, names) -> rows.add(new SignedTag(key.get(0), key.get(1), names)));
    rows.sort(Comparator.comparing(SignedTag::tag, NaturalOrder.INSTANCE).thenComparing(SignedTag::digest));
    Map<String, List<String>> signers = new LinkedHashMap<>();
    delegations(set).forEach((role, keyIds) -> {
      if (!isReleased(role)) {
        signers.put(signerName(role), keyIds);
      }
    });
    var root = set.root().signed();
    return new DockerTrustInfo(rows, signers, root.roles().get(RoleNames.ROOT).keyIds(),
        root.roles().get(RoleNames.TARGETS).keyIds());
  }

  /** The order docker sorts tags and signer names in ({@code v2} before {@code v10}). */
  public static Comparator<String> naturalOrder() {
    return NaturalOrder.INSTANCE;
  }

  /** Whether docker counts a role's signature as a release: {@code targets} or {@code targets/releases}. */
  public static boolean isReleased(String role) {
    return role.equals(RoleNames.TARGETS) || role.equals(NotaryTrustPolicy.RELEASES);
  }

  /** {@code targets/alice} → {@code alice}; the release roles are {@value #REPO_ADMIN}. */
  public static String signerName(String role) {
    return isReleased(role) ? REPO_ADMIN : role.substring(RoleNames.TARGETS.length() + 1);
  }

  /** The tag as released: the first of targets or targets/releases listing it, in walk order. */
  public static Optional<RoleTarget> releasedTarget(TrustedSet set, String tag) {
    return targetsNamed(set, tag).stream().filter(t -> isReleased(t.role())).findFirst();
  }

  /**
   * Targets named {@code name} (all targets when empty) in the roles that are loaded and may sign
   * for it, depth first from {@code targets} with delegations in listed order (notary's walk).
   */
  public static List<RoleTarget> targetsNamed(TrustedSet set, String name) {
    List<RoleTarget> found = new ArrayList<>();
    walk(set, RoleNames.TARGETS, name, found);
    return found;
  }

  private static void walk(TrustedSet set, String role, String name, List<RoleTarget> found) {
    Optional<TrustedTargets> loaded = set.targets(role);
    if (loaded.isEmpty() || (!name.isEmpty() && !loaded.get().allows(name))) {
      return;
    }
    TargetsMetadata body = loaded.get().metadata().signed();
    body.targets().forEach((target, meta) -> {
      if ((name.isEmpty() || target.equals(name)) && loaded.get().allows(target)) {
        found.add(new RoleTarget(role, target, meta));
      }
    });
    for (DelegatedRole child : body.delegations().roles()) {
      walk(set, child.name(), name, found);
    }
  }

  /** Every delegation listed by a loaded role, with canonical key IDs (notary's GetDelegationRoles). */
  public static Map<String, List<String>> delegations(TrustedSet set) {
    Map<String, List<String>> roles = new LinkedHashMap<>();
    collect(set, RoleNames.TARGETS, roles);
    return roles;
  }

  private static void collect(TrustedSet set, String role, Map<String, List<String>> roles) {
    Optional<TrustedTargets> loaded = set.targets(role);
    if (loaded.isEmpty()) {
      return;
    }
    var delegations = loaded.get().metadata().signed().delegations();
    for (DelegatedRole child : delegations.roles()) {
      List<String> ids = new ArrayList<>();
      for (String id : child.keyIds()) {
        TufPublicKey key = delegations.keys().get(id);
        ids.add(key == null ? id : canonical(key));
      }
      roles.put(child.name(), ids);
      collect(set, child.name(), roles);
    }
  }

  private static String canonical(TufPublicKey key) {
    try {
      return key.canonicalId();
    } catch (RuntimeException unreadableCertificate) {
      return key.id();
    }
  }
}
