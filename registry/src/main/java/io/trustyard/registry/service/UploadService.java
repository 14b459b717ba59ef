package io.trustyard.registry.service;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.DigestAlgorithm;
import io.trustyard.core.digest.Digester;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.registry.storage.FileInfo;
import io.trustyard.registry.storage.PathNotFoundException;
import io.trustyard.registry.storage.ReadHandle;
import io.trustyard.registry.storage.StorageDriver;
import io.trustyard.registry.storage.StorageWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload sessions, kept on storage ({@code _uploads/<uuid>/data} and {@code startedat}) so they
 * survive a restart and work across nodes sharing the storage. Bytes are hashed while they stream
 * in; the running hash is kept in memory per node and, when another node took part in an upload,
 * the whole upload is hashed again from storage at completion. Nothing is ever held in memory.
 */
public final class UploadService {
  private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
  private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final int BUFFER = 128 * 1024;

  private final StorageDriver storage;
  private final BlobService blobs;
  private final TamperGuard guard;
  private final Clock clock;
  /** uuid → hash of the bytes of that upload received by this node, in order. */
  private final Map<String, Digester> running = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public UploadService(StorageDriver storage, BlobService blobs, TamperGuard guard, Clock clock) {
    this.storage = storage;
    this.blobs = blobs;
    this.guard = guard;
    this.clock = clock;
  }

  /** An inclusive byte range from a {@code Content-Range} header. */
  public record ChunkRange(long start, long end) {}

  /** Starts a session; {@code algorithm} is the one the client announced (sha256 by default). */
  public String start(String repo, DigestAlgorithm algorithm) {
    String uuid = UUID.randomUUID().toString();
    try {
      // distribution writes RFC 3339 with second precision.
      storage.putContent(Layout.uploadStartedAt(repo, uuid),
          clock.instant().truncatedTo(ChronoUnit.SECONDS).toString().getBytes(StandardCharsets.UTF_8));
      storage.writer(Layout.uploadData(repo, uuid), false).close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    running.put(uuid, Digester.of(algorithm));
    return uuid;
  }

  /** Bytes received so far. */
  public long size(String repo, String uuid) {
    return stat(repo, uuid).size();
  }

  private FileInfo stat(String repo, String uuid) {
    if (uuid == null || !UUID_PATTERN.matcher(uuid).matches()) {
      throw unknown();
    }
    try {
      return storage.stat(Layout.uploadData(repo, uuid));
    } catch (PathNotFoundException e) {
      throw unknown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends a chunk. A {@code range} must start at the current size (else 416, session unchanged);
   * {@code contentLength} (may be null: chunked transfer) must match what arrives.
   *
   * @return the new size
   */
  public long append(String repo, String uuid, InputStream body, ChunkRange range, Long contentLength) {
    synchronized (lock(uuid)) {
      long size = size(repo, uuid);
      checkChunk(size, range, contentLength);
      return write(repo, uuid, size, body, range, contentLength);
    }
  }

  private static void checkChunk(long size, ChunkRange range, Long contentLength) {
    if (range == null) {
      return;
    }
    if (range.start() != size || range.end() < range.start()) {
      throw new RegistryException(OciErrorCode.RANGE_INVALID, "Content-Range " + range.start() + "-" + range.end()
          + " does not continue the upload, which holds " + size + " bytes; ask for its status and resume");
    }
    if (contentLength != null && contentLength != range.end() - range.start() + 1) {
      throw new RegistryException(OciErrorCode.SIZE_INVALID, "Content-Length " + contentLength
          + " does not match Content-Range " + range.start() + "-" + range.end());
    }
  }

  private long write(String repo, String uuid, long size, InputStream body, ChunkRange range, Long contentLength) {
    Digester digester = running.get(uuid);
    if (digester != null && digester.count() != size) {
      // Another node appended meanwhile: this node's hash is stale.
      running.remove(uuid);
      digester = null;
    }
    if (digester == null && size == 0) {
      digester = Digester.sha256();
      running.put(uuid, digester);
    }
    long received = 0;
    try (StorageWriter writer = storage.writer(Layout.uploadData(repo, uuid), true)) {
      byte[] buf = new byte[BUFFER];
      for (int n; (n = body.read(buf)) >= 0; ) {
        if (n == 0) {
          continue;
        }
        if (digester != null) {
          digester.update(buf, 0, n);
        }
        writer.write(ByteBuffer.wrap(buf, 0, n));
        received += n;
      }
    } catch (IOException e) {
      // A broken connection leaves an unknown number of bytes: the running hash is unusable.
      running.remove(uuid);
      throw new UncheckedIOException(e);
    }
    long expected = range != null ? range.end() - range.start() + 1 : contentLength != null ? contentLength : received;
    if (received != expected) {
      cancelQuietly(repo, uuid);
      throw new RegistryException(OciErrorCode.SIZE_INVALID, "received " + received + " bytes but the request "
          + "announced " + expected + "; the upload was cancelled, start it again");
    }
    return size + received;
  }

  /**
   * Appends an optional last chunk, verifies the digest of everything received and commits the blob
   * into {@code repo}. On a digest mismatch nothing is committed and the session is discarded.
   */
  public Digest complete(String repo, String uuid, Digest expected, InputStream body, ChunkRange range,
      Long contentLength) {
    synchronized (lock(uuid)) {
      try {
        long size = size(repo, uuid);
        if (body != null && (range != null || contentLength == null || contentLength > 0)) {
          checkChunk(size, range, contentLength);
          size = write(repo, uuid, size, body, range, contentLength);
        }
        Digest actual = digestOf(repo, uuid, expected.algorithm(), size);
        if (!actual.equals(expected)) {
          cancelQuietly(repo, uuid);
          throw new RegistryException(OciErrorCode.DIGEST_INVALID, "the " + size + " bytes uploaded hash to "
              + actual + ", not " + expected + "; nothing was stored", expected.toString());
        }
        commit(repo, uuid, expected);
        return expected;
      } finally {
        locks.remove(uuid);
      }
    }
  }

  private Digest digestOf(String repo, String uuid, DigestAlgorithm algorithm, long size) {
    Digester digester = running.remove(uuid);
    if (digester != null && digester.algorithm() == algorithm && digester.count() == size) {
      return digester.digest();
    }
    Digester fresh = Digester.of(algorithm);
    try (ReadHandle handle = storage.open(Layout.uploadData(repo, uuid)); InputStream in = handle.stream(0)) {
      byte[] buf = new byte[BUFFER];
      for (int n; (n = in.read(buf)) >= 0; ) {
        fresh.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fresh.digest();
  }

  private void commit(String repo, String uuid, Digest digest) {
    try {
      String target = Layout.blobData(digest);
      blobs.touch(digest);
      if (blobs.existsVerified(digest)) {
        storage.delete(Layout.uploadDir(repo, uuid));
      } else {
        // Absent, or present but corrupt: the verified upload replaces it.
        storage.move(Layout.uploadData(repo, uuid), target);
        guard.remember(digest, storage.stat(target).version());
        storage.delete(Layout.uploadDir(repo, uuid));
      }
      blobs.link(repo, digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cancels a session. */
  public void cancel(String repo, String uuid) {
    stat(repo, uuid);
    try {
      storage.delete(Layout.uploadDir(repo, uuid));
    } catch (PathNotFoundException e) {
      throw unknown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      running.remove(uuid);
      locks.remove(uuid);
    }
  }

  private void cancelQuietly(String repo, String uuid) {
    running.remove(uuid);
    try {
      storage.delete(Layout.uploadDir(repo, uuid));
    } catch (IOException e) {
      LOG.warn("could not remove upload {} of {}: {}", uuid, repo, e.toString());
    }
  }

  /** Removes sessions of {@code repo} started more than {@code maxAge} ago; returns how many. */
  public int purge(String repo, Duration maxAge) {
    Instant cutoff = clock.instant().minus(maxAge);
    int purged = 0;
    try {
      for (String dir : storage.list(Layout.uploadsDir(repo))) {
        String uuid = dir.substring(dir.lastIndexOf('/') + 1);
        Instant started = startedAt(repo, uuid, dir);
        if (started.isBefore(cutoff)) {
          storage.delete(dir);
          running.remove(uuid);
          purged++;
        }
      }
    } catch (PathNotFoundException e) {
      return purged;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return purged;
  }

  private Instant startedAt(String repo, String uuid, String dir) throws IOException {
    try {
      String text = new String(storage.getContent(Layout.uploadStartedAt(repo, uuid), 256), StandardCharsets.UTF_8);
      return java.time.OffsetDateTime.parse(text.trim()).toInstant();
    } catch (PathNotFoundException | DateTimeParseException | IllegalArgumentException e) {
      // No usable start time: fall back to the directory's age.
      try {
        return storage.stat(dir).modTime();
      } catch (PathNotFoundException gone) {
        return Instant.MAX;
      }
    }
  }

  private Object lock(String uuid) {
    return locks.computeIfAbsent(uuid, k -> new Object());
  }

  private static RegistryException unknown() {
    return new RegistryException(OciErrorCode.BLOB_UPLOAD_UNKNOWN, "blob upload unknown to registry");
  }
}
