package io.trustyard.registry.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.registry.service.ManifestService;
import io.trustyard.registry.service.RegistryException;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.registry.service.StoredManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/** {@code GET/HEAD/PUT/DELETE /v2/<name>/manifests/<reference>}. */
final class ManifestEndpoints {
  private final RegistryServices services;

  ManifestEndpoints(RegistryServices services) {
    this.services = services;
  }

  /** Always the stored bytes with the type they were pushed as, whatever {@code Accept} says. */
  void get(String repo, String reference, boolean head, ServerRequest req, ServerResponse res) {
    StoredManifest m = services.manifests().get(repo, reference);
    String etag = "\"" + m.digest() + "\"";
    res.header(Http.CONTENT_DIGEST, m.digest().toString());
    res.header(HeaderNames.ETAG, etag);
    String ifNoneMatch = Http.header(req, "If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.trim().equals(etag) || ifNoneMatch.trim().equals(m.digest().toString()))) {
      res.status(304);
      res.send();
      return;
    }
    res.status(200);
    res.header(HeaderNames.CONTENT_TYPE, m.mediaType());
    res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(m.content().length));
    if (head) {
      res.send();
    } else {
      res.send(m.content());
    }
  }

  void put(String repo, String reference, ServerRequest req, ServerResponse res) {
    byte[] body = readBounded(req);
    ManifestService.PutResult result = services.manifests().put(repo, reference,
        Http.header(req, "Content-Type"), body);
    res.header(HeaderNames.LOCATION, "/v2/" + repo + "/manifests/" + result.digest());
    res.header(Http.CONTENT_DIGEST, result.digest().toString());
    if (result.subject() != null) {
      res.header("OCI-Subject", result.subject().toString());
    }
    Http.empty(res, 201);
  }

  void delete(String repo, String reference, ServerResponse res) {
    if (!services.deleteEnabled()) {
      throw new RegistryException(OciErrorCode.UNSUPPORTED, "deletion is disabled on this registry");
    }
    services.manifests().delete(repo, reference);
    Http.empty(res, 202);
  }

  private static byte[] readBounded(ServerRequest req) {
    int max = ManifestParser.MAX_MANIFEST_BYTES;
    OptionalLong declared = req.headers().contentLength();
    if (declared.isPresent() && declared.getAsLong() > max) {
      throw tooLarge(max);
    }
    if (!req.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = req.content().inputStream()) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        throw tooLarge(max);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RegistryException tooLarge(int max) {
    return RegistryException.withStatus(413, OciErrorCode.MANIFEST_INVALID,
        "manifest is larger than the limit of " + max + " bytes");
  }
}
