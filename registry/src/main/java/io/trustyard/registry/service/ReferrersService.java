package io.trustyard.registry.service;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.ImageManifest;
import io.trustyard.core.oci.InvalidManifestException;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.registry.storage.StorageDriver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The referrers API, computed from the manifests of the repository (so manifests pushed by
 * distribution, which keeps no referrers index, are found too). What a manifest says about its
 * subject never changes, so each manifest is parsed once per process.
 */
public final class ReferrersService {
  private static final int MAX_CACHED = 100_000;
  private final StorageDriver storage;
  private final ManifestService manifests;
  private final Map<Digest, Summary> summaries = new ConcurrentHashMap<>();

  public ReferrersService(StorageDriver storage, ManifestService manifests) {
    this.storage = storage;
    this.manifests = manifests;
  }

  /** One entry of the referrers index. {@code artifactType} may be null (an index without one). */
  public record Referrer(String mediaType, Digest digest, long size, String artifactType,
      Map<String, String> annotations) {}

  private record Summary(Digest subject, Referrer asReferrer) {}

  /** Manifests of {@code repo} whose subject is {@code subject}, filtered by artifact type if any. */
  public List<Referrer> referrers(String repo, Digest subject, Set<String> artifactTypes) {
    List<Referrer> out = new ArrayList<>();
    for (Digest d : manifests.revisions(repo)) {
      Summary s = summary(repo, d);
      if (s != null && subject.equals(s.subject())
          && (artifactTypes.isEmpty() || artifactTypes.contains(s.asReferrer().artifactType()))) {
        out.add(s.asReferrer());
      }
    }
    out.sort(Comparator.comparing(r -> r.digest().toString()));
    return out;
  }

  private Summary summary(String repo, Digest digest) {
    Summary cached = summaries.get(digest);
    if (cached != null) {
      return cached;
    }
    StoredManifest stored;
    try {
      stored = manifests.get(repo, digest.toString());
    } catch (RegistryException e) {
      return null;
    }
    Summary s;
    try {
      Manifest m = ManifestParser.parse(stored.content(), stored.mediaType());
      String artifactType = m instanceof ImageManifest im ? im.effectiveArtifactType() : m.artifactType();
      s = new Summary(m.subject() == null ? null : m.subject().digest(),
          new Referrer(stored.mediaType(), digest, stored.content().length, artifactType, m.annotations()));
    } catch (InvalidManifestException e) {
      s = new Summary(null, null);
    }
    if (summaries.size() >= MAX_CACHED) {
      summaries.clear();
    }
    summaries.put(digest, s);
    return s;
  }
}
