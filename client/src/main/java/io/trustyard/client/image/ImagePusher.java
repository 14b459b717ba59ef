package io.trustyard.client.image;

import io.trustyard.client.registry.RegistryClient;
import io.trustyard.client.registry.RepositoryClient;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.StoreException;
import io.trustyard.client.store.StoredImage;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.ImageIndex;
import io.trustyard.core.oci.ImageManifest;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.Reference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes an image from the local store: blobs the registry already has are skipped, blobs another
 * repository of the same registry has are mounted, the rest uploaded; then the manifest (exact
 * stored bytes) goes up under the tag and the {@link TrustPolicy} gets {tag, digest, length}.
 */
public final class ImagePusher {

  /** What was pushed: the manifest's digest and length as the registry now holds them. */
  public record Result(Reference reference, Digest digest, long length) {}

  private final RegistryClient registry;
  private final ImageStore store;
  private final TrustPolicy trust;
  private final ProgressListener progress;

  public ImagePusher(RegistryClient registry, ImageStore store, TrustPolicy trust, ProgressListener progress) {
    this.registry = registry;
    this.store = store;
    this.trust = trust;
    this.progress = progress;
  }

  /** Pushes the local image named {@code reference} (its full name) to where the name points. */
  public Result push(Reference reference) {
    String localName = reference.toString();
    StoredImage image = store.get(localName).orElseThrow(() -> new StoreException("no image " + localName
        + " in the local store (tag one with: trustyard image tag SOURCE " + localName + ")"));
    RepositoryClient repo = registry.repository(reference.registry(), reference.repository(), true);
    repo.ping();
    Descriptor top = image.manifest();
    Manifest manifest = store.manifest(top);
    if (manifest instanceof ImageIndex index) {
      for (Descriptor child : index.manifests()) {
        if (!store.hasBlob(child.digest())) {
          continue;
        }
        pushImage(repo, reference, (ImageManifest) store.manifest(child));
        byte[] bytes = store.readBlob(child.digest(), ManifestParser.MAX_MANIFEST_BYTES);
        repo.putManifest(child.digest().toString(), bytes, child.mediaType());
      }
    } else {
      pushImage(repo, reference, (ImageManifest) manifest);
    }
    byte[] bytes = store.readBlob(top.digest(), ManifestParser.MAX_MANIFEST_BYTES);
    String ref = reference.tag() != null ? reference.tag() : top.digest().toString();
    Digest pushed = repo.putManifest(ref, bytes, top.mediaType());
    progress.message((reference.tag() != null ? reference.tag() + ": " : "") + "digest: " + pushed
        + " size: " + bytes.length);
    if (reference.tag() != null) {
      trust.pushed(reference, new TrustedTarget(reference.tag(), pushed, bytes.length));
    }
    return new Result(reference, pushed, bytes.length);
  }

  private void pushImage(RepositoryClient repo, Reference target, ImageManifest manifest) {
    List<Descriptor> blobs = new ArrayList<>(manifest.layers());
    blobs.add(manifest.config());
    for (Descriptor blob : blobs) {
      String id = ProgressListener.shortId(blob.digest());
      if (MediaTypes.NON_DISTRIBUTABLE_LAYERS.contains(blob.mediaType()) && !blob.urls().isEmpty()) {
        progress.finished(id, "Skipped foreign layer");
        continue;
      }
      if (repo.blobSize(blob.digest()).isPresent()) {
        progress.finished(id, "Layer already exists");
        continue;
      }
      Optional<String> mounted = mountSources(target, blob.digest()).stream()
          .filter(from -> repo.mountBlob(blob.digest(), from)).findFirst();
      if (mounted.isPresent()) {
        progress.finished(id, "Mounted from " + mounted.get());
        continue;
      }
      if (!store.hasBlob(blob.digest())) {
        throw new StoreException("blob " + blob.digest() + " of " + target + " is missing from the local store");
      }
      progress.started(id, "Pushing", blob.size());
      repo.uploadBlob(blob, store.blobPath(blob.digest()), done -> progress.progressed(id, done));
      progress.finished(id, "Pushed");
    }
  }

  /** Other repositories of the same registry that, going by the local store, hold this blob. */
  private List<String> mountSources(Reference target, Digest blob) {
    Set<String> sources = new LinkedHashSet<>();
    for (StoredImage other : store.images()) {
      Reference ref;
      try {
        ref = Reference.parse(other.name());
      } catch (RuntimeException e) {
        continue;
      }
      if (!ref.registry().equals(target.registry()) || ref.repository().equals(target.repository())
          || sources.contains(ref.repository())) {
        continue;
      }
      if (contains(other.manifest(), blob)) {
        sources.add(ref.repository());
      }
    }
    return List.copyOf(sources);
  }

  private boolean contains(Descriptor top, Digest blob) {
    try {
      Manifest m = store.manifest(top);
      if (m instanceof ImageManifest image) {
        return image.config().digest().equals(blob)
            || image.layers().stream().anyMatch(l -> l.digest().equals(blob));
      }
      return ((ImageIndex) m).manifests().stream()
          .anyMatch(c -> store.hasBlob(c.digest()) && contains(c, blob));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
