package io.trustyard.registry.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.registry.service.BlobService;
import io.trustyard.registry.service.References;
import io.trustyard.registry.service.RegistryException;
import io.trustyard.registry.service.RegistryServices;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** {@code GET/HEAD/DELETE /v2/<name>/blobs/<digest>}. */
final class BlobEndpoints {
  private final RegistryServices services;

  BlobEndpoints(RegistryServices services) {
    this.services = services;
  }

  void get(String repo, String reference, boolean head, ServerRequest req, ServerResponse res) {
    Digest digest = References.digest(reference, OciErrorCode.DIGEST_INVALID);
    try (BlobService.OpenBlob blob = services.blobs().open(repo, digest)) {
      long size = blob.size();
      // Decide the status before any length is set, so a 416 is never sent with the blob's length.
      ByteRange range = ByteRange.parse(Http.header(req, "Range"), size);
      res.header(Http.CONTENT_DIGEST, digest.toString());
      res.header(HeaderNames.ETAG, "\"" + digest + "\"");
      res.header(HeaderNames.ACCEPT_RANGES, "bytes");
      res.header(HeaderNames.CACHE_CONTROL, "max-age=31536000");
      if (range == ByteRange.UNSATISFIABLE) {
        res.header(HeaderNames.CONTENT_RANGE, "bytes */" + size);
        Http.error(res, RegistryException.withStatus(416, OciErrorCode.RANGE_INVALID,
            "requested range not satisfiable: the blob has " + size + " bytes"));
        return;
      }
      long offset = range == null ? 0 : range.start();
      long length = range == null ? size : range.length();
      res.status(range == null ? 200 : 206);
      if (range != null) {
        res.header(HeaderNames.CONTENT_RANGE, "bytes " + range.start() + "-" + range.end() + "/" + size);
      }
      res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
      res.header(HeaderNames.CONTENT_LENGTH, Long.toString(length));
      if (head) {
        res.send();
        return;
      }
      try (OutputStream out = res.outputStream()) {
        blob.handle().transferTo(offset, length, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete(String repo, String reference, ServerResponse res) {
    Digest digest = References.digest(reference, OciErrorCode.DIGEST_INVALID);
    if (!services.deleteEnabled()) {
      throw new RegistryException(OciErrorCode.UNSUPPORTED, "deletion is disabled on this registry");
    }
    services.blobs().unlink(repo, digest);
    Http.empty(res, 202);
  }
}
