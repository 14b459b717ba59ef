package io.trustyard.registry.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.DigestAlgorithm;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.core.oci.OciNames;
import io.trustyard.registry.auth.AccessController;
import io.trustyard.registry.auth.Scope;
import io.trustyard.registry.service.References;
import io.trustyard.registry.service.RegistryException;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.registry.service.UploadService.ChunkRange;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blob uploads: start (and mount), PATCH chunks, status, PUT to complete, DELETE to cancel. */
final class UploadEndpoints {
  private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes[ =])?(\\d{1,18})-(\\d{1,18})(?:/(?:\\d+|\\*))?");

  private final RegistryServices services;
  private final AccessController access;

  UploadEndpoints(RegistryServices services, AccessController access) {
    this.services = services;
    this.access = access;
  }

  void start(String repo, ServerRequest req, ServerResponse res) {
    String mount = Http.query(req, "mount");
    String from = Http.query(req, "from");
    if (mount != null && from != null) {
      Digest digest = References.digest(mount, OciErrorCode.DIGEST_INVALID);
      // A mount that cannot happen (unknown blob, unreadable source) degrades to a new session.
      if (OciNames.isValidRepositoryName(from)
          && access.authorize(Http.header(req, "Authorization"), List.of(Scope.repository(from, "pull")),
              Dispatcher.selfBase(req)) == null
          && services.blobs().mount(repo, from, digest)) {
        created(res, repo, digest);
        return;
      }
    }
    DigestAlgorithm algorithm = DigestAlgorithm.SHA256;
    String requested = Http.query(req, "digest-algorithm");
    if (requested != null) {
      algorithm = DigestAlgorithm.byId(requested).orElseThrow(() -> new RegistryException(
          OciErrorCode.DIGEST_INVALID, "digest algorithm '" + requested + "' is not supported (sha256, sha512)"));
    }
    String digestParam = Http.query(req, "digest");
    if (digestParam != null) {
      Digest digest = References.digest(digestParam, OciErrorCode.DIGEST_INVALID);
      String uuid = services.uploads().start(repo, digest.algorithm());
      services.uploads().complete(repo, uuid, digest, req.content().inputStream(), null, contentLength(req));
      created(res, repo, digest);
      return;
    }
    String uuid = services.uploads().start(repo, algorithm);
    accepted(res, 202, repo, uuid, 0);
  }

  void status(Route route, ServerResponse res) {
    long size = services.uploads().size(route.name(), route.reference());
    accepted(res, 204, route.name(), route.reference(), size);
  }

  void patch(Route route, ServerRequest req, ServerResponse res) {
    ChunkRange range = contentRange(req);
    long size = services.uploads().append(route.name(), route.reference(), body(req), range, contentLength(req));
    accepted(res, 202, route.name(), route.reference(), size);
  }

  void put(Route route, ServerRequest req, ServerResponse res) {
    String digestParam = Http.query(req, "digest");
    if (digestParam == null) {
      throw new RegistryException(OciErrorCode.DIGEST_INVALID, "the digest query parameter is required to "
          + "complete an upload");
    }
    Digest digest = References.digest(digestParam, OciErrorCode.DIGEST_INVALID);
    ChunkRange range = contentRange(req);
    services.uploads().complete(route.name(), route.reference(), digest, body(req), range, contentLength(req));
    created(res, route.name(), digest);
  }

  void cancel(Route route, ServerResponse res) {
    services.uploads().cancel(route.name(), route.reference());
    Http.empty(res, 204);
  }

  /** Adds the session's headers to a 416 so the client can resume. */
  void rangeHeaders(Route route, ServerResponse res) {
    try {
      long size = services.uploads().size(route.name(), route.reference());
      res.header(HeaderNames.LOCATION, location(route.name(), route.reference()));
      res.header("Range", rangeValue(size));
      res.header(Http.UPLOAD_UUID, route.reference());
    } catch (RegistryException e) {
      // session gone: the error alone says enough
    }
  }

  private static InputStream body(ServerRequest req) {
    return req.content().hasEntity() ? req.content().inputStream() : InputStream.nullInputStream();
  }

  private static Long contentLength(ServerRequest req) {
    OptionalLong length = req.headers().contentLength();
    return length.isPresent() ? length.getAsLong() : null;
  }

  private static ChunkRange contentRange(ServerRequest req) {
    String header = Http.header(req, "Content-Range");
    if (header == null) {
      return null;
    }
    Matcher m = CONTENT_RANGE.matcher(header.trim());
    if (!m.matches()) {
      throw new RegistryException(OciErrorCode.RANGE_INVALID, "Content-Range '" + header
          + "' is not <start>-<end>");
    }
    return new ChunkRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  private static void accepted(ServerResponse res, int status, String repo, String uuid, long size) {
    res.header(HeaderNames.LOCATION, location(repo, uuid));
    res.header("Range", rangeValue(size));
    res.header(Http.UPLOAD_UUID, uuid);
    Http.empty(res, status);
  }

  private static void created(ServerResponse res, String repo, Digest digest) {
    res.header(HeaderNames.LOCATION, "/v2/" + repo + "/blobs/" + digest);
    res.header(Http.CONTENT_DIGEST, digest.toString());
    Http.empty(res, 201);
  }

  static String location(String repo, String uuid) {
    return "/v2/" + repo + "/blobs/uploads/" + uuid;
  }

  /** {@code 0-<last byte>} without a unit (docker parses it with %d-%d); {@code 0-0} when empty. */
  static String rangeValue(long size) {
    return "0-" + Math.max(0, size - 1);
  }
}
