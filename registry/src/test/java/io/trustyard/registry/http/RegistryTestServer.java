package io.trustyard.registry.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trustyard.core.digest.Digest;
import io.trustyard.registry.auth.AccessController;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.registry.storage.FilesystemDriver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A registry on an ephemeral loopback port over a temp directory, and a small client for it. */
final class RegistryTestServer implements AutoCloseable {
  final FilesystemDriver storage;
  final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final RegistryServices services;
  final RegistryHttpServer server;
  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  RegistryTestServer(Path root) throws IOException {
    this(root, false, AccessController.NONE);
  }

  RegistryTestServer(Path root, boolean strict, AccessController access) throws IOException {
    storage = new FilesystemDriver(root);
    services = RegistryServices.create(storage, metrics, Clock.systemUTC(), strict, true);
    server = new RegistryHttpServer("127.0.0.1", 0, null, services, access, metrics, List.of());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<byte[]> send(HttpRequest.Builder b) {
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b);
  }

  HttpResponse<byte[]> head(String path) {
    return send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  HttpResponse<byte[]> method(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b);
  }

  /** POST then PUT with the whole blob; returns the blob's digest. */
  Digest pushBlob(String repo, byte[] content) {
    HttpResponse<byte[]> post = method("POST", "/v2/" + repo + "/blobs/uploads/", null);
    if (post.statusCode() != 202) {
      throw new AssertionError("POST " + post.statusCode() + " " + text(post));
    }
    Digest d = Digest.sha256(content);
    String loc = post.headers().firstValue("Location").orElseThrow();
    HttpResponse<byte[]> put = method("PUT", loc + (loc.contains("?") ? "&" : "?") + "digest=" + d, content,
        "Content-Type", "application/octet-stream");
    if (put.statusCode() != 201) {
      throw new AssertionError("PUT " + put.statusCode() + " " + text(put));
    }
    return d;
  }

  HttpResponse<byte[]> putManifest(String repo, String ref, String mediaType, byte[] body) {
    return method("PUT", "/v2/" + repo + "/manifests/" + ref, body, "Content-Type", mediaType);
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.close();
  }
}
