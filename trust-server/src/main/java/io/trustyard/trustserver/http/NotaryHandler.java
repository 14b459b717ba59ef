package io.trustyard.trustserver.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trustyard.core.notary.NotaryErrorCode;
import io.trustyard.core.notary.NotaryErrorEnvelope;
import io.trustyard.core.notary.NotaryException;
import io.trustyard.store.metrics.ServiceMetrics;
import io.trustyard.trustserver.auth.Access;
import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.trustserver.auth.Denial;
import io.trustyard.trustserver.service.MetadataFile;
import io.trustyard.trustserver.service.RoleNames;
import io.trustyard.trustserver.service.TrustService;
import io.trustyard.trustserver.service.UploadedFile;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Helidon handler: matches notary's route table, applies the GUN-prefix filter and
 * authentication in notary's order, calls the {@link TrustService}, and writes notary's
 * statuses, headers and error envelopes. No trust logic lives here.
 */
final class NotaryHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(NotaryHandler.class);
  /** One structured line per request (never headers or bodies: they carry tokens and keys). */
  private static final Logger ACCESS = LoggerFactory.getLogger("io.trustyard.access");
  private static final String TEXT = "text/plain; charset=utf-8";

  private final TrustService service;
  private final Authorizer authorizer;
  private final HttpSettings settings;
  private final PrometheusMeterRegistry metrics;

  NotaryHandler(TrustService service, Authorizer authorizer, HttpSettings settings, PrometheusMeterRegistry metrics) {
    this.service = service;
    this.authorizer = authorizer;
    this.settings = settings;
    this.metrics = metrics;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    RouteMatch match = Routes.match(req.prologue().method().text(), req.path().path());
    Timer.Sample sample = Timer.start(metrics);
    try {
      dispatch(match, req, res);
    } catch (NotaryException e) {
      if (e.code().httpStatus() >= 500) {
        LOG.warn("{} {}: {}", match.route().operation(), match.gun(), e.getMessage(), e);
      }
      error(res, e);
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", match.route().operation(), match.gun(), e);
      error(res, new NotaryException(NotaryErrorCode.UNKNOWN));
    } finally {
      long nanos = sample.stop(Timer.builder("notary_server_http_requests")
          .tag("operation", match.route().operation())
          .tag("code", String.valueOf(res.status().code()))
          .register(metrics));
      ACCESS.info("service=trust-server method={} path={} operation={} status={} duration_ms={}",
          req.prologue().method().text(), req.path().path(), match.route().operation(), res.status().code(),
          nanos / 1_000_000);
    }
  }

  private void dispatch(RouteMatch m, ServerRequest req, ServerResponse res) {
    Route route = m.route();
    if (route == Route.NO_ROUTE) {
      res.status(Status.NOT_FOUND_404).header(HeaderNames.CONTENT_TYPE, TEXT).send("404 page not found\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (route == Route.HEALTH) {
      health(res);
      return;
    }
    if (route == Route.METRICS) {
      res.header(HeaderNames.CONTENT_TYPE, ServiceMetrics.CONTENT_TYPE)
          .send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (route.hasGun() && !settings.gunPrefixes().isEmpty()
        && settings.gunPrefixes().stream().noneMatch(p -> m.gun().startsWith(p))) {
      if (route == Route.UPDATE) {
        throw new NotaryException(NotaryErrorCode.INVALID_GUN,
            TextNode.valueOf("Require GUNs with prefix: [" + String.join(" ", settings.gunPrefixes()) + "]"));
      }
      throw new NotaryException(NotaryErrorCode.METADATA_NOT_FOUND);
    }
    if (route.authenticated() && !authorize(m, req, res)) {
      return;
    }
    switch (route) {
      case MAIN -> res.header(HeaderNames.CONTENT_TYPE, TEXT).send("{}".getBytes(StandardCharsets.UTF_8));
      case UPDATE -> {
        service.update(m.gun(), readUpload(req));
        res.send();
      }
      case GET_BY_HASH -> metadata(res, service.byChecksum(m.gun(), m.role(), m.checksum()), false);
      case GET_BY_VERSION -> metadata(res, service.byVersion(m.gun(), m.role(), parseVersion(m.version())), false);
      case GET_CURRENT -> metadata(res, service.current(m.gun(), m.role()), true);
      case GET_KEY -> res.header(HeaderNames.CONTENT_TYPE, TEXT).send(service.key(m.gun(), m.role()));
      case ROTATE_KEY -> res.header(HeaderNames.CONTENT_TYPE, TEXT).send(service.rotateKey(m.gun(), m.role()));
      case DELETE -> {
        service.delete(m.gun());
        res.send();
      }
      case CHANGEFEED_GUN, CHANGEFEED_ALL -> res.header(HeaderNames.CONTENT_TYPE, TEXT).send(service.changefeed(
          m.gun(), req.query().first("records").orElse(""), req.query().first("change_id").orElse("")));
      case NOT_FOUND -> throw new NotaryException(NotaryErrorCode.METADATA_NOT_FOUND);
      default -> throw new IllegalStateException("unrouted " + route);
    }
  }

  private boolean authorize(RouteMatch m, ServerRequest req, ServerResponse res) {
    List<Access> required = new ArrayList<>();
    if (m.route().hasGun()) {
      for (String action : m.route().actions()) {
        required.add(Access.repository(m.gun(), action));
      }
    } else {
      required.add(Access.catalog());
    }
    Optional<Denial> denial = authorizer.authorize(
        req.headers().first(HeaderNames.AUTHORIZATION).orElse(null),
        required,
        req.headers().first(HeaderNames.HOST).orElse(""));
    if (denial.isEmpty()) {
      return true;
    }
    res.header(HeaderNames.WWW_AUTHENTICATE, denial.get().challenge());
    error(res, new NotaryException(NotaryErrorCode.UNAUTHORIZED, denial.get().detail()));
    return false;
  }

  private static int parseVersion(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      // Matched the route's digits but overflows notary's int: no such version.
      throw new NotaryException(NotaryErrorCode.METADATA_NOT_FOUND, JsonNodeFactory.instance.objectNode());
    }
  }

  private void metadata(ServerResponse res, MetadataFile file, boolean current) {
    String cacheControl = settings.cache().cacheControl(current);
    res.header(HeaderNames.CACHE_CONTROL, cacheControl);
    if (cacheControl.startsWith("max-age=0")) {
      res.header(HeaderNames.PRAGMA, "no-cache");
    }
    res.header(HeaderNames.LAST_MODIFIED, HttpDates.rfc1123(file.lastModified()));
    res.header(HeaderNames.CONTENT_TYPE, TEXT);
    res.send(file.data());
  }

  private List<UploadedFile> readUpload(ServerRequest req) {
    Optional<String> boundary = MultipartForm.boundary(req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null));
    if (boundary.isEmpty()) {
      throw new NotaryException(NotaryErrorCode.MALFORMED_UPLOAD);
    }
    byte[] body = readBounded(req, settings.maxUploadBytes());
    List<MultipartForm.Part> parts;
    try {
      parts = MultipartForm.parse(body, boundary.get());
    } catch (MultipartForm.MalformedException e) {
      throw new NotaryException(NotaryErrorCode.MALFORMED_UPLOAD, null, e.getMessage());
    }
    // Keyed by role: a repeated role replaces the earlier part, as in notary.
    Map<String, UploadedFile> files = new LinkedHashMap<>();
    for (MultipartForm.Part part : parts) {
      if (!part.dispositionValid()) {
        throw new NotaryException(NotaryErrorCode.NO_FILENAME);
      }
      String name = part.filename().orElse("");
      String role = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
      if (role.isEmpty()) {
        throw new NotaryException(NotaryErrorCode.NO_FILENAME);
      }
      if (!RoleNames.isValid(role)) {
        throw new NotaryException(NotaryErrorCode.INVALID_ROLE, TextNode.valueOf(role));
      }
      files.remove(role);
      files.put(role, new UploadedFile(role, part.body()));
    }
    return new ArrayList<>(files.values());
  }

  private static byte[] readBounded(ServerRequest req, long max) {
    try (InputStream in = req.content().inputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (body.length > max) {
        throw new NotaryException(NotaryErrorCode.MALFORMED_UPLOAD,
            TextNode.valueOf("request body larger than " + max + " bytes"));
      }
      return body;
    } catch (IOException e) {
      throw new NotaryException(NotaryErrorCode.MALFORMED_UPLOAD, null, "reading the body failed: " + e.getMessage());
    }
  }

  private void health(ServerResponse res) {
    Map<String, String> failing = service.failingChecks();
    StringBuilder json = new StringBuilder("{");
    failing.forEach((name, error) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(io.trustyard.core.json.GoJson.quote(name)).append(':').append(io.trustyard.core.json.GoJson.quote(error));
    });
    json.append('}');
    res.status(failing.isEmpty() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503)
        .header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
        .send(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void error(ServerResponse res, NotaryException e) {
    res.status(Status.create(e.code().httpStatus()))
        .header(HeaderNames.CONTENT_TYPE, NotaryErrorEnvelope.CONTENT_TYPE)
        .send(NotaryErrorEnvelope.toBytes(e));
  }
}
