package io.trustyard.client.image;

import io.trustyard.client.VerificationException;
import io.trustyard.client.registry.RegistryClient;
import io.trustyard.client.registry.RepositoryClient;
import io.trustyard.client.registry.RepositoryClient.ManifestResponse;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.StoreTransaction;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.ImageIndex;
import io.trustyard.core.oci.ImageManifest;
import io.trustyard.core.oci.InvalidManifestException;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pulls an image into the local store. The manifest is checked against the digest asked for (a
 * digest reference, or the signed target the {@link TrustPolicy} resolves a tag to), the config
 * and layers against the manifest's digests; everything is staged and verified, and only a pull
 * that fully succeeded becomes visible in the store.
 */
public final class ImagePuller {

  /** What a pull stored: the name, the manifest stored under it, and the digest the reference resolved to. */
  public record Result(String name, Descriptor manifest, Digest resolvedDigest, boolean changed) {}

  private final RegistryClient registry;
  private final ImageStore store;
  private final TrustPolicy trust;
  private final ProgressListener progress;

  public ImagePuller(RegistryClient registry, ImageStore store, TrustPolicy trust, ProgressListener progress) {
    this.registry = registry;
    this.store = store;
    this.trust = trust;
    this.progress = progress;
  }

  /** Pulls {@code reference} (tag or digest); {@code platform} picks from a multi-arch index. */
  public Result pull(Reference reference, PlatformSpec platform) {
    RepositoryClient repo = registry.repository(reference.registry(), reference.repository(), false);
    Digest expected = reference.digest();
    Long expectedLength = null;
    String fetchBy = reference.manifestReference();
    if (expected == null) {
      Optional<TrustedTarget> signed = trust.resolve(reference);
      if (signed.isPresent()) {
        expected = signed.get().digest();
        expectedLength = signed.get().length();
        fetchBy = expected.toString();
      }
    }
    ManifestResponse top = repo.getManifest(fetchBy, expected);
    if (expectedLength != null && top.bytes().length != expectedLength) {
      throw new VerificationException(top.digest(), "manifest " + top.digest() + " failed verification: it is "
          + top.bytes().length + " bytes, the signed target says " + expectedLength);
    }
    Manifest parsed = parse(top.bytes(), top.mediaType(), top.digest());
    String name = reference.tag() != null
        ? reference.registry() + "/" + reference.repository() + ":" + reference.tag()
        : reference.registry() + "/" + reference.repository() + "@" + reference.digest();

    try (StoreTransaction tx = store.begin()) {
      ManifestResponse chosen = top;
      ImageManifest image;
      if (parsed instanceof ImageIndex index) {
        Descriptor entry = platform.select(index.manifests()).orElseThrow(() -> new IllegalArgumentException(
            reference + " has no image for platform " + platform + " (it has: " + platforms(index) + ")"));
        if (!MediaTypes.IMAGE_MANIFESTS.contains(entry.mediaType())) {
          throw new IllegalArgumentException(reference + ": the " + platform + " entry is a "
              + entry.mediaType() + ", not an image manifest");
        }
        chosen = repo.getManifest(entry.digest().toString(), entry.digest());
        if (chosen.bytes().length != entry.size()) {
          throw new VerificationException(entry.digest(), "manifest " + entry.digest() + " failed verification: it"
              + " is " + chosen.bytes().length + " bytes, the index says " + entry.size());
        }
        Manifest child = parse(chosen.bytes(), entry.mediaType(), entry.digest());
        if (!(child instanceof ImageManifest m)) {
          throw new IllegalArgumentException(reference + ": the " + platform + " entry is not an image manifest");
        }
        image = m;
        progress.message(platform + ": " + entry.digest());
      } else {
        image = (ImageManifest) parsed;
      }
      List<Descriptor> blobs = new ArrayList<>();
      blobs.add(image.config());
      blobs.addAll(image.layers());
      for (Descriptor blob : blobs) {
        fetch(repo, tx, blob);
      }
      String mediaType = image.mediaType();
      Descriptor stored = tx.addBlob(mediaType, chosen.bytes());
      boolean changed = store.get(name).map(i -> !i.manifest().digest().equals(stored.digest())).orElse(true);
      tx.setRef(name, stored);
      tx.commit();
      progress.message("Digest: " + top.digest());
      return new Result(name, stored, top.digest(), changed);
    }
  }

  private void fetch(RepositoryClient repo, StoreTransaction tx, Descriptor blob) {
    String id = ProgressListener.shortId(blob.digest());
    if (MediaTypes.NON_DISTRIBUTABLE_LAYERS.contains(blob.mediaType()) && !blob.urls().isEmpty()) {
      progress.finished(id, "Skipped foreign layer");
      return;
    }
    if (tx.hasBlob(blob.digest())) {
      progress.finished(id, "Already exists");
      return;
    }
    Path file = tx.newFile();
    progress.started(id, "Downloading", blob.size());
    repo.fetchBlob(blob, file, done -> progress.progressed(id, done));
    progress.progressed(id, blob.size());
    tx.addBlob(blob, file);
    progress.finished(id, "Pull complete");
  }

  private static Manifest parse(byte[] bytes, String mediaType, Digest digest) {
    try {
      return ManifestParser.parse(bytes, mediaType);
    } catch (InvalidManifestException e) {
      throw new VerificationException(digest, "manifest " + digest + " is not a valid image manifest: "
          + e.getMessage());
    }
  }

  private static String platforms(ImageIndex index) {
    return index.manifests().stream().filter(d -> d.platform() != null)
        .map(d -> d.platform().os() + "/" + d.platform().architecture()
            + (d.platform().variant() == null ? "" : "/" + d.platform().variant()))
        .collect(Collectors.joining(", "));
  }
}
