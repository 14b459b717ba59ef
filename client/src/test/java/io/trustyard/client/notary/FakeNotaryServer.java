package io.trustyard.client.notary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.trustyard.core.tuf.edit.Repository;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Notary server's read side on a loopback port: current files by role, every file ever served by
 * checksum, roots by version. Tests publish repositories into it and tamper with what it serves.
 */
final class FakeNotaryServer implements AutoCloseable {
  final HttpServer server;
  final String gun;
  final Map<String, byte[]> current = new ConcurrentHashMap<>();
  final Map<String, byte[]> byChecksum = new ConcurrentHashMap<>();
  final Map<Long, byte[]> rootsByVersion = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();

  FakeNotaryServer(String gun) throws IOException {
    this.gun = gun;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Serves every file of {@code repository} as current (and by checksum; root by version too). */
  void publish(Repository repository) {
    repository.files().forEach(this::put);
    rootsByVersion.put(repository.root().signed().version(), repository.file(RoleNames.ROOT).orElseThrow());
  }

  void put(String role, byte[] bytes) {
    current.put(role, bytes);
    byChecksum.put(role + "." + sha256(bytes), bytes);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path);
    String prefix = "/v2/" + gun + "/_trust/tuf/";
    byte[] body = null;
    if (exchange.getRequestMethod().equals("GET") && path.startsWith(prefix) && path.endsWith(".json")) {
      String file = path.substring(prefix.length(), path.length() - ".json".length());
      body = current.get(file);
      if (body == null) {
        body = byChecksum.get(file);
      }
      if (body == null && file.endsWith(".root")) {
        try {
          body = rootsByVersion.get(Long.parseLong(file.substring(0, file.length() - ".root".length())));
        } catch (NumberFormatException e) {
          body = null;
        }
      }
    }
    if (body == null) {
      byte[] err = "{\"errors\":[{\"code\":\"METADATA_NOT_FOUND\",\"message\":\"not found\"}]}\n".getBytes();
      exchange.sendResponseHeaders(404, err.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(err);
      }
      return;
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
