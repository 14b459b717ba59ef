package io.trustyard.registry.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.Digester;
import io.trustyard.registry.storage.ReadHandle;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a stored blob is never served under a digest it no longer matches. The version of every
 * file that hashed correctly is remembered (file identity, ctime, mtime and size on a filesystem; the
 * ETag on S3); a file whose version is not remembered — changed on storage, written by another
 * program, or not seen since this process started — is hashed again before it is served. In strict
 * mode every read is hashed.
 */
public final class TamperGuard {
  private static final Logger LOG = LoggerFactory.getLogger(TamperGuard.class);
  /** Enough for a large registry; when full the memory is dropped and blobs are re-verified. */
  private static final int MAX_REMEMBERED = 200_000;

  private final boolean strict;
  private final Map<Digest, String> verified = new ConcurrentHashMap<>();
  private final Counter mismatches;
  private final Counter rehashes;

  public TamperGuard(boolean strict, MeterRegistry metrics) {
    this.strict = strict;
    this.mismatches = Counter.builder("trustyard_registry_blob_digest_mismatch")
        .description("stored blobs whose content no longer matched their digest when read")
        .register(metrics);
    this.rehashes = Counter.builder("trustyard_registry_blob_rehash")
        .description("stored blobs hashed again before being served")
        .register(metrics);
  }

  public boolean strict() {
    return strict;
  }

  /**
   * Returns normally if the open file's content is {@code digest}; otherwise throws a
   * {@code BLOB_UNKNOWN} so the bytes are never presented as that digest.
   */
  public void check(Digest digest, ReadHandle handle) throws IOException {
    String version = handle.info().version();
    if (!strict && version.equals(verified.get(digest))) {
      return;
    }
    rehashes.increment();
    Digester digester = Digester.of(digest.algorithm());
    try (InputStream in = handle.stream(0)) {
      byte[] buf = new byte[128 * 1024];
      for (int n; (n = in.read(buf)) >= 0; ) {
        digester.update(buf, 0, n);
      }
    }
    Digest actual = digester.digest();
    if (!actual.equals(digest) || digester.count() != handle.info().size()) {
      verified.remove(digest);
      mismatches.increment();
      LOG.error("stored blob {} at {} does not match its digest (content hashes to {}): corrupt or tampered, "
          + "not served", digest, handle.info().path(), actual);
      throw new RegistryException(io.trustyard.core.oci.OciErrorCode.BLOB_UNKNOWN,
          "the stored content of this blob no longer matches its digest (corrupt or tampered on storage); "
              + "it is not served: push the blob again", digest.toString());
    }
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear();
    }
    verified.put(digest, version);
  }

  /** Records a version known good because it was just hashed while written. */
  public void remember(Digest digest, String version) {
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear();
    }
    verified.put(digest, version);
  }

  /** Forgets a blob (deleted or replaced). */
  public void forget(Digest digest) {
    verified.remove(digest);
  }
}
