package io.trustyard.registry.service;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.registry.storage.FileInfo;
import io.trustyard.registry.storage.PathNotFoundException;
import io.trustyard.registry.storage.ReadHandle;
import io.trustyard.registry.storage.StorageDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Blobs as a repository sees them: a blob is visible in a repository only if it is linked there
 * ({@code _layers}); the content itself lives once in the global store.
 */
public final class BlobService {
  private static final int MAX_LINK_BYTES = 1024;
  private final StorageDriver storage;
  private final TamperGuard guard;

  private final io.micrometer.core.instrument.Counter mounts;

  public BlobService(StorageDriver storage, TamperGuard guard, io.micrometer.core.instrument.MeterRegistry metrics) {
    this.storage = storage;
    this.guard = guard;
    this.mounts = io.micrometer.core.instrument.Counter.builder("trustyard_registry_blob_mounts")
        .description("blobs linked into a repository from another one instead of being uploaded")
        .register(metrics);
  }

  /** An open, verified blob; close it when served. */
  public record OpenBlob(Digest digest, long size, ReadHandle handle) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      handle.close();
    }
  }

  /** Opens a blob linked in {@code repo} after checking its content still matches its digest. */
  public OpenBlob open(String repo, Digest digest) {
    requireLinked(repo, digest);
    ReadHandle handle = null;
    try {
      handle = storage.open(Layout.blobData(digest));
      guard.check(digest, handle);
      return new OpenBlob(digest, handle.info().size(), handle);
    } catch (PathNotFoundException e) {
      throw unknown(digest);
    } catch (IOException e) {
      closeQuietly(handle);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeQuietly(handle);
      throw e;
    }
  }

  /** The size of a linked, verified blob (for HEAD). */
  public long size(String repo, Digest digest) {
    try (OpenBlob blob = open(repo, digest)) {
      return blob.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isLinked(String repo, Digest digest) {
    try {
      byte[] link = storage.getContent(Layout.layerLink(repo, digest), MAX_LINK_BYTES);
      return new String(link, StandardCharsets.UTF_8).trim().equals(digest.toString());
    } catch (PathNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void requireLinked(String repo, Digest digest) {
    if (!isLinked(repo, digest)) {
      throw unknown(digest);
    }
  }

  /** True if the global store holds content for {@code digest} that still matches it. */
  public boolean existsVerified(Digest digest) {
    try (ReadHandle handle = storage.open(Layout.blobData(digest))) {
      guard.check(digest, handle);
      return true;
    } catch (PathNotFoundException e) {
      return false;
    } catch (RegistryException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refreshes the blob's marker so a concurrent garbage collection keeps it. */
  public void touch(Digest digest) {
    try {
      storage.putContent(Layout.blobMarker(digest), new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True if the blob is linked in the repository and its content is on storage. */
  public boolean isAvailable(String repo, Digest digest) {
    return isLinked(repo, digest) && statGlobal(digest) != null;
  }

  public void link(String repo, Digest digest) {
    try {
      storage.putContent(Layout.layerLink(repo, digest), digest.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Unlinks a blob from a repository; its content stays until garbage collection. */
  public void unlink(String repo, Digest digest) {
    requireLinked(repo, digest);
    try {
      storage.delete(Layout.layerLinkDir(repo, digest));
    } catch (PathNotFoundException e) {
      throw unknown(digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Links a blob of {@code from} into {@code repo} if it is linked there and intact. The caller has
   * checked the client may read {@code from}.
   */
  public boolean mount(String repo, String from, Digest digest) {
    if (!isLinked(from, digest)) {
      return false;
    }
    touch(digest);
    if (!existsVerified(digest)) {
      return false;
    }
    link(repo, digest);
    mounts.increment();
    return true;
  }

  /** Info on the global content of a digest, or null. */
  FileInfo statGlobal(Digest digest) {
    try {
      return storage.stat(Layout.blobData(digest));
    } catch (PathNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RegistryException unknown(Digest digest) {
    return new RegistryException(OciErrorCode.BLOB_UNKNOWN, "blob unknown to registry", digest.toString());
  }

  private static void closeQuietly(ReadHandle handle) {
    if (handle != null) {
      try {
        handle.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }
}
