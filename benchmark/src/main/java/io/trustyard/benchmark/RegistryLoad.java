package io.trustyard.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Drives one registry over plain HTTP with the JDK client, the same client for the peer and for
 * Trustyard so that only the server differs. Every response is checked: a failed request ends the
 * run rather than inflating a figure.
 */
final class RegistryLoad {
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final int port;

  RegistryLoad(int port) {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** A blob file whose first 8 bytes are {@code variant}, so that each upload is a new blob. */
  static String rewriteVariant(Path file, long variant) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(8).putLong(0, variant), 0);
    }
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 20];
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) >= 0; ) {
        md.update(buf, 0, n);
      }
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  /** Monolithic upload (POST, then one PUT carrying the whole blob); returns elapsed nanoseconds. */
  long uploadMonolithic(String repo, Path blob, String digest) throws Exception {
    long start = System.nanoTime();
    String location = startUpload(repo);
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(withDigest(location, digest))
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofFile(blob)).build(), HttpResponse.BodyHandlers.ofString());
    long elapsed = System.nanoTime() - start;
    expect(put, 201, "PUT blob");
    return elapsed;
  }

  /**
   * Chunked upload as chunking clients do it: POST, one PATCH per {@code chunkBytes} with its
   * Content-Range, each to the Location the previous answer gave, then a PUT with the digest and no
   * body; returns elapsed nanoseconds.
   */
  long uploadChunked(String repo, Path blob, String digest, int chunkBytes) throws Exception {
    long size = java.nio.file.Files.size(blob);
    byte[] chunk = new byte[chunkBytes];
    long start = System.nanoTime();
    String location = startUpload(repo);
    try (InputStream in = java.nio.file.Files.newInputStream(blob)) {
      for (long offset = 0; offset < size; ) {
        int n = in.readNBytes(chunk, 0, (int) Math.min(chunkBytes, size - offset));
        HttpResponse<String> patch = http.send(HttpRequest.newBuilder(URI.create(base).resolve(location))
            .header("Content-Type", "application/octet-stream")
            .header("Content-Range", offset + "-" + (offset + n - 1))
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk, 0, n)).build(),
            HttpResponse.BodyHandlers.ofString());
        expect(patch, 202, "PATCH upload");
        location = patch.headers().firstValue("Location")
            .orElseThrow(() -> new IOException("PATCH upload " + base + ": no Location"));
        offset += n;
      }
    }
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(withDigest(location, digest))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    long elapsed = System.nanoTime() - start;
    expect(put, 201, "PUT blob (closing a chunked upload)");
    return elapsed;
  }

  /** Deletes a blob, so that a long run does not fill the disk; not timed. */
  void deleteBlob(String repo, String digest) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/" + digest))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    expect(r, 202, "DELETE blob");
  }

  /** Small blobs (manifest config, layer) uploaded the same way; not timed. */
  void uploadBytes(String repo, byte[] bytes, String digest) throws Exception {
    String location = startUpload(repo);
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(withDigest(location, digest))
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    expect(put, 201, "PUT blob");
  }

  /** Downloads a blob, counting the bytes received; returns elapsed nanoseconds. */
  long download(String repo, String digest, long expectedBytes) throws Exception {
    long start = System.nanoTime();
    HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/" + digest))
        .build(), HttpResponse.BodyHandlers.ofInputStream());
    long total = 0;
    try (InputStream in = r.body()) {
      byte[] buf = new byte[1 << 20];
      for (int n; (n = in.read(buf)) >= 0; ) {
        total += n;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (r.statusCode() != 200 || total != expectedBytes) {
      throw new IOException("GET blob " + base + ": status " + r.statusCode() + ", " + total + " of " + expectedBytes
          + " bytes");
    }
    return elapsed;
  }

  static final byte[] CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
      .getBytes(StandardCharsets.UTF_8);

  /** A one-layer OCI image manifest over {@link #CONFIG} and {@code layer}. */
  static String manifest(byte[] layer) throws Exception {
    return "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
        + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + sha256(CONFIG) + "\",\"size\":" + CONFIG.length
        + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + sha256(layer)
        + "\",\"size\":" + layer.length + "}]}";
  }

  /**
   * One artifact as a pusher makes it: its layer blob (POST + PUT), then the manifest under
   * {@code tag}; the config blob must be there already. Untimed here; callers time the whole.
   */
  void pushArtifact(String repo, byte[] layer, String tag) throws Exception {
    uploadBytes(repo, layer, sha256(layer));
    putManifest(repo, tag, manifest(layer));
  }

  void putManifest(String repo, String reference, String manifest) throws Exception {
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/"
        + reference)).header("Content-Type", OCI_MANIFEST).PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(),
        HttpResponse.BodyHandlers.ofString());
    expect(put, 201, "PUT manifest");
  }

  /**
   * Lists every tag of {@code repo} as containers/image does: GET tags/list (with {@code ?n=} when
   * {@code pageSize} &gt; 0), then the Link header's next page until there is none. Returns the
   * tags and the number of pages in {@code pages[0]}.
   */
  java.util.List<String> listTags(String repo, int pageSize, int[] pages) throws Exception {
    java.util.List<String> tags = new java.util.ArrayList<>();
    String next = "/v2/" + repo + "/tags/list" + (pageSize > 0 ? "?n=" + pageSize : "");
    pages[0] = 0;
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    while (next != null) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base).resolve(next)).build(),
          HttpResponse.BodyHandlers.ofString());
      expect(r, 200, "GET tags/list");
      pages[0]++;
      json.readTree(r.body()).path("tags").forEach(t -> tags.add(t.asText()));
      next = r.headers().firstValue("Link").map(RegistryLoad::linkTarget).orElse(null);
    }
    return tags;
  }

  /** The URL of {@code <url>; rel="next"}; containers/image keeps only its path and query. */
  private static String linkTarget(String header) {
    int open = header.indexOf('<');
    int close = header.indexOf('>', open + 1);
    if (open < 0 || close < 0 || !header.contains("rel=\"next\"")) {
      return null;
    }
    URI u = URI.create(header.substring(open + 1, close));
    return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  /** Pushes a one-layer OCI image under {@code tag}; returns the manifest URL for the load generator. */
  String pushSmallImage(String repo, String tag) throws Exception {
    byte[] layer = new byte[4096];
    new java.util.Random(7).nextBytes(layer);
    uploadBytes(repo, CONFIG, sha256(CONFIG));
    uploadBytes(repo, layer, sha256(layer));
    String manifest = manifest(layer);
    putManifest(repo, tag, manifest);
    String url = base + "/v2/" + repo + "/manifests/" + tag;
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", OCI_MANIFEST).build(),
        HttpResponse.BodyHandlers.ofString());
    expect(get, 200, "GET manifest");
    if (!get.body().equals(manifest)) {
      throw new IOException("GET manifest " + url + " returned other bytes than were pushed");
    }
    return url;
  }

  private String startUpload(String repo) throws Exception {
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/uploads/"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    expect(post, 202, "POST upload");
    String location = post.headers().firstValue("Location")
        .orElseThrow(() -> new IOException("POST upload " + base + ": no Location"));
    return location;
  }

  private URI withDigest(String location, String digest) {
    URI loc = URI.create(base).resolve(location);
    String sep = loc.getRawQuery() == null ? "?" : "&";
    return URI.create(loc + sep + "digest=" + digest);
  }

  private void expect(HttpResponse<String> r, int status, String what) throws IOException {
    if (r.statusCode() != status) {
      throw new IOException(what + " " + r.uri() + ": status " + r.statusCode() + ": " + r.body());
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
