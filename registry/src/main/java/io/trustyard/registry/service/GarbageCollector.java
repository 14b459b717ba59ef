package io.trustyard.registry.service;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.InvalidManifestException;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.registry.storage.FileInfo;
import io.trustyard.registry.storage.PathNotFoundException;
import io.trustyard.registry.storage.StorageDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mark and sweep of the global blob store: a blob survives if a manifest of any repository is it or
 * references it (config, layers, index children, subjects).
 *
 * <p>The guarantee against a concurrent push, which distribution does not give (it requires the
 * registry to be stopped or read-only): the registry refreshes a per-blob marker whenever a blob is
 * uploaded, mounted or referenced by a manifest being pushed, and a manifest push checks that each
 * referenced blob's content exists <em>after</em> refreshing the marker. The sweep removes only
 * blobs whose content and marker are older than the grace period; it first moves the content aside,
 * checks the marker again, and puts the content back if it was refreshed meanwhile. So a push either
 * refreshed the marker in time (the blob is kept or restored) or finds the content gone and is
 * refused with {@code MANIFEST_BLOB_UNKNOWN} (nothing committed; the client uploads the blob again).
 * Pushes slower than the grace period between a blob's upload and its manifest can lose that blob.
 * Between the move and the restore a pull of that blob may see a 404.
 */
public final class GarbageCollector {
  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);
  private final StorageDriver storage;
  private final ManifestService manifests;
  private final CatalogService catalog;
  private final Clock clock;

  public GarbageCollector(StorageDriver storage, ManifestService manifests, CatalogService catalog, Clock clock) {
    this.storage = storage;
    this.manifests = manifests;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** What a run found and did. */
  public record Report(int repositories, int manifests, int marked, List<Digest> deleted, List<Digest> tooRecent) {}

  public Report run(Duration grace, boolean dryRun) {
    Set<Digest> marked = new HashSet<>();
    int manifestCount = 0;
    List<String> repos = catalog.repositories();
    for (String repo : repos) {
      for (Digest d : manifests.revisions(repo)) {
        manifestCount++;
        marked.add(d);
        try {
          byte[] content = storage.getContent(Layout.blobData(d), ManifestParser.MAX_MANIFEST_BYTES);
          Manifest m = ManifestParser.parse(content, manifests.mediaType(d, content));
          for (Descriptor ref : m.references()) {
            marked.add(ref.digest());
          }
          if (m.subject() != null) {
            marked.add(m.subject().digest());
          }
        } catch (PathNotFoundException | InvalidManifestException e) {
          LOG.warn("manifest {} of {} is missing or unreadable; it marks nothing", d, repo);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    Instant cutoff = clock.instant().minus(grace);
    List<Digest> deleted = new ArrayList<>();
    List<Digest> tooRecent = new ArrayList<>();
    for (Digest d : allBlobs()) {
      if (marked.contains(d)) {
        continue;
      }
      if (recent(Layout.blobData(d), cutoff) || recent(Layout.blobMarker(d), cutoff)) {
        tooRecent.add(d);
        continue;
      }
      if (dryRun) {
        deleted.add(d);
        continue;
      }
      if (sweep(d, cutoff)) {
        deleted.add(d);
      } else {
        tooRecent.add(d);
      }
    }
    LOG.info("garbage collection{}: {} repositories, {} manifests, {} blobs in use, {} removed, {} kept as recent",
        dryRun ? " (dry run)" : "", repos.size(), manifestCount, marked.size(), deleted.size(), tooRecent.size());
    return new Report(repos.size(), manifestCount, marked.size(), deleted, tooRecent);
  }

  private boolean sweep(Digest d, Instant cutoff) {
    String data = Layout.blobData(d);
    String aside = Layout.TRUSTYARD + "/gc-trash/" + d.algorithm().id() + "/" + d.hex();
    try {
      storage.move(data, aside);
      if (recent(Layout.blobMarker(d), cutoff)) {
        storage.move(aside, data);
        return false;
      }
      storage.delete(aside);
      deleteQuietly(Layout.blobDir(d));
      deleteQuietly(Layout.blobMarker(d));
      deleteQuietly(Layout.manifestMediaType(d));
      return true;
    } catch (PathNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean recent(String path, Instant cutoff) {
    try {
      FileInfo info = storage.stat(path);
      return info.modTime() == null || info.modTime().isAfter(cutoff);
    } catch (PathNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteQuietly(String path) {
    try {
      storage.delete(path);
    } catch (PathNotFoundException e) {
      // nothing there
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Digest> allBlobs() {
    List<Digest> out = new ArrayList<>();
    for (String algDir : Links.children(storage, Layout.BLOBS)) {
      String alg = Links.lastComponent(algDir);
      for (String shard : Links.children(storage, algDir)) {
        for (String dir : Links.children(storage, shard)) {
          try {
            out.add(Digest.parse(alg + ":" + Links.lastComponent(dir)));
          } catch (IllegalArgumentException e) {
            // not a blob directory
          }
        }
      }
    }
    return out;
  }
}
