package io.trustyard.registry.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.registry.auth.AccessController;
import io.trustyard.registry.auth.AuthFailure;
import io.trustyard.registry.auth.Scope;
import io.trustyard.registry.service.References;
import io.trustyard.registry.service.RegistryException;
import io.trustyard.registry.service.RegistryServices;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code /v2} request: route by path suffix, validate the name, authorise, then hand over to
 * the endpoint. Every refusal is the JSON envelope; unexpected failures are logged and answered
 * with {@code UNKNOWN} without internals.
 */
final class Dispatcher implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final RegistryServices services;
  private final AccessController access;
  private final BlobEndpoints blobs;
  private final UploadEndpoints uploads;
  private final ManifestEndpoints manifests;
  private final ListEndpoints lists;
  private final MeterRegistry metrics;

  Dispatcher(RegistryServices services, AccessController access) {
    this.services = services;
    this.access = access;
    this.blobs = new BlobEndpoints(services);
    this.uploads = new UploadEndpoints(services, access);
    this.manifests = new ManifestEndpoints(services);
    this.lists = new ListEndpoints(services);
    this.metrics = services.metrics();
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    long start = System.nanoTime();
    res.header(Http.API_VERSION, "registry/2.0");
    String method = req.prologue().method().text();
    Route route = Route.of(req.path().rawPath());
    try {
      if (route == null) {
        Http.error(res, RegistryException.withStatus(404, OciErrorCode.UNSUPPORTED,
            "no such endpoint: " + method + " " + req.path().rawPath()));
        return;
      }
      if (route.name() != null) {
        References.repository(route.name());
      }
      AuthFailure failure = access.authorize(Http.header(req, "Authorization"), scopes(route, method, req),
          selfBase(req));
      if (failure != null) {
        if (failure.challenge() != null) {
          res.header(HeaderNames.WWW_AUTHENTICATE, failure.challenge());
        }
        Http.error(res, new RegistryException(failure.code(), failure.message()));
        return;
      }
      dispatch(route, method, req, res);
    } catch (RegistryException e) {
      if (!res.isSent()) {
        if (e.code() == OciErrorCode.RANGE_INVALID && route != null && route.kind() == Route.Kind.UPLOAD) {
          uploads.rangeHeaders(route, res);
        }
        Http.error(res, e);
      }
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", method, req.path().rawPath(), e);
      if (!res.isSent()) {
        Http.error(res, OciErrorCode.UNKNOWN, "internal error; see the registry log");
      }
    } finally {
      RequestLog.record(metrics, method, req.path().rawPath(),
          route == null ? "none" : route.kind().name().toLowerCase(java.util.Locale.ROOT), res.status().code(), start);
    }
  }

  /** The URL the client used to reach us, for challenges that point at the built-in token endpoint. */
  static String selfBase(ServerRequest req) {
    String host = Http.header(req, "Host");
    if (host == null || !host.matches("[A-Za-z0-9.\\-]+(:[0-9]+)?|\\[[0-9a-fA-F:]+\\](:[0-9]+)?")) {
      host = "127.0.0.1:" + req.localPeer().port();
    }
    return (req.isSecure() ? "https://" : "http://") + host;
  }

  /** The scopes a request needs, as distribution requires them. */
  static List<Scope> scopes(Route route, String method, ServerRequest req) {
    List<Scope> scopes = new ArrayList<>();
    switch (route.kind()) {
      case BASE -> { }
      case CATALOG -> scopes.add(new Scope("registry", "catalog", java.util.Set.of("*")));
      default -> {
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean cancelUpload = method.equals("DELETE") && route.kind() == Route.Kind.UPLOAD;
        if (read) {
          scopes.add(Scope.repository(route.name(), "pull"));
        } else if (method.equals("DELETE") && !cancelUpload) {
          scopes.add(Scope.repository(route.name(), "delete"));
        } else {
          // Cancelling an upload is part of pushing: clients never ask for "delete" to push.
          scopes.add(Scope.repository(route.name(), "pull", "push"));
        }
      }
    }
    return scopes;
  }

  private void dispatch(Route route, String method, ServerRequest req, ServerResponse res) {
    switch (route.kind()) {
      case BASE -> {
        if (!method.equals("GET") && !method.equals("HEAD")) {
          throw unsupported(method, route);
        }
        Http.json(res, 200, java.util.Map.of());
      }
      case CATALOG -> requireGet(method, route, () -> lists.catalog(req, res));
      case TAGS -> requireGet(method, route, () -> lists.tags(route.name(), req, res));
      case REFERRERS -> requireGet(method, route, () -> lists.referrers(route.name(), route.reference(), req, res));
      case BLOB -> {
        switch (method) {
          case "GET", "HEAD" -> blobs.get(route.name(), route.reference(), method.equals("HEAD"), req, res);
          case "DELETE" -> blobs.delete(route.name(), route.reference(), res);
          default -> throw unsupported(method, route);
        }
      }
      case UPLOADS -> {
        if (!method.equals("POST")) {
          throw unsupported(method, route);
        }
        uploads.start(route.name(), req, res);
      }
      case UPLOAD -> {
        switch (method) {
          case "GET" -> uploads.status(route, res);
          case "PATCH" -> uploads.patch(route, req, res);
          case "PUT" -> uploads.put(route, req, res);
          case "DELETE" -> uploads.cancel(route, res);
          default -> throw unsupported(method, route);
        }
      }
      case MANIFEST -> {
        switch (method) {
          case "GET", "HEAD" -> manifests.get(route.name(), route.reference(), method.equals("HEAD"), req, res);
          case "PUT" -> manifests.put(route.name(), route.reference(), req, res);
          case "DELETE" -> manifests.delete(route.name(), route.reference(), res);
          default -> throw unsupported(method, route);
        }
      }
      default -> throw unsupported(method, route);
    }
  }

  private static void requireGet(String method, Route route, Runnable action) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw unsupported(method, route);
    }
    action.run();
  }

  static RegistryException unsupported(String method, Route route) {
    return new RegistryException(OciErrorCode.UNSUPPORTED, "method " + method + " is not supported on the "
        + route.kind().name().toLowerCase(java.util.Locale.ROOT) + " endpoint");
  }
}
