package io.trustyard.registry.http;

import static io.trustyard.registry.http.BlobConformanceTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.DigestAlgorithm;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every upload flow of the spec, and the ways clients get them wrong. */
class UploadConformanceTest {
  @TempDir Path dir;
  RegistryTestServer r;
  byte[] content = new byte[300_000];
  Digest digest;

  @BeforeEach
  void start() throws Exception {
    r = new RegistryTestServer(dir);
    new Random(11).nextBytes(content);
    digest = Digest.sha256(content);
  }

  @AfterEach
  void stop() {
    r.close();
  }

  String post(String repo) {
    HttpResponse<byte[]> post = r.method("POST", "/v2/" + repo + "/blobs/uploads/", null);
    assertThat(post.statusCode()).isEqualTo(202);
    assertThat(post.headers().firstValue("Range")).contains("0-0");
    assertThat(post.headers().firstValue("Docker-Upload-UUID")).isPresent();
    assertThat(post.headers().firstValue("Content-Length")).contains("0");
    String loc = post.headers().firstValue("Location").orElseThrow();
    assertThat(loc).startsWith("/v2/" + repo + "/blobs/uploads/");
    return loc;
  }

  void assertCreated(HttpResponse<byte[]> res, String repo, Digest d) {
    assertThat(res.statusCode()).as(RegistryTestServer.text(res)).isEqualTo(201);
    assertThat(res.headers().firstValue("Docker-Content-Digest")).contains(d.toString());
    assertThat(res.headers().firstValue("Location")).contains("/v2/" + repo + "/blobs/" + d);
    assertThat(r.get("/v2/" + repo + "/blobs/" + d).body()).isEqualTo(content);
  }

  @Test
  void monolithicPostPut() throws Exception {
    String loc = post("a");
    assertCreated(r.method("PUT", loc + "?digest=" + digest, content, "Content-Type", "application/octet-stream"),
        "a", digest);
    // stored in distribution's layout, the session gone
    assertThat(Files.exists(dir.resolve("docker/registry/v2/blobs/sha256/" + digest.hex().substring(0, 2) + "/"
        + digest.hex() + "/data"))).isTrue();
    assertThat(Files.readString(dir.resolve("docker/registry/v2/repositories/a/_layers/sha256/" + digest.hex()
        + "/link"))).isEqualTo(digest.toString());
    assertThat(r.get(loc).statusCode()).isEqualTo(404);
  }

  @Test
  void formContentTypeDoesNotSwallowTheBody() {
    String loc = post("a");
    assertCreated(r.method("PUT", loc + "?digest=" + digest, content,
        "Content-Type", "application/x-www-form-urlencoded"), "a", digest);
  }

  @Test
  void streamedPatchWithChunkedTransferThenEmptyPut() {
    String loc = post("a");
    HttpResponse<byte[]> patch = r.send(HttpRequest.newBuilder(r.uri(loc))
        .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content))));
    assertThat(patch.statusCode()).isEqualTo(202);
    assertThat(patch.headers().firstValue("Range")).contains("0-299999");
    String next = patch.headers().firstValue("Location").orElseThrow();
    assertCreated(r.method("PUT", next + "?digest=" + digest, null), "a", digest);
  }

  @Test
  void chunkedPatchesWithStatusAnd416ThatKeepsTheSession() throws Exception {
    String loc = post("a");
    HttpResponse<byte[]> first = r.method("PATCH", loc, Arrays.copyOfRange(content, 0, 100_000),
        "Content-Range", "0-99999", "Content-Type", "application/octet-stream");
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.headers().firstValue("Range")).contains("0-99999");
    // repeated chunk: 416, session intact
    HttpResponse<byte[]> repeat = r.method("PATCH", loc, Arrays.copyOfRange(content, 0, 100_000),
        "Content-Range", "0-99999");
    assertThat(repeat.statusCode()).isEqualTo(416);
    assertThat(code(repeat)).isEqualTo("RANGE_INVALID");
    assertThat(repeat.headers().firstValue("Range")).contains("0-99999");
    // out of order: 416
    HttpResponse<byte[]> gap = r.method("PATCH", loc, Arrays.copyOfRange(content, 200_000, 300_000),
        "Content-Range", "200000-299999");
    assertThat(gap.statusCode()).isEqualTo(416);
    HttpResponse<byte[]> status = r.get(loc);
    assertThat(status.statusCode()).isEqualTo(204);
    assertThat(status.headers().firstValue("Range")).contains("0-99999");
    assertThat(status.headers().firstValue("Location")).isPresent();
    HttpResponse<byte[]> second = r.method("PATCH", loc, Arrays.copyOfRange(content, 100_000, 200_000),
        "Content-Range", "100000-199999");
    assertThat(second.statusCode()).isEqualTo(202);
    // last chunk on the PUT
    assertCreated(r.method("PUT", loc + "?digest=" + digest, Arrays.copyOfRange(content, 200_000, 300_000),
        "Content-Range", "200000-299999"), "a", digest);
  }

  @Test
  void contentLengthThatContradictsContentRangeIsSizeInvalid() throws Exception {
    String loc = post("a");
    HttpResponse<byte[]> res = r.method("PATCH", loc, new byte[10], "Content-Range", "0-19");
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(code(res)).isEqualTo("SIZE_INVALID");
  }

  @Test
  void digestMismatchIs400AndCommitsNothing() throws Exception {
    String loc = post("a");
    Digest wrong = Digest.sha256(new byte[] {1});
    HttpResponse<byte[]> res = r.method("PUT", loc + "?digest=" + wrong, content);
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(code(res)).isEqualTo("DIGEST_INVALID");
    assertThat(r.head("/v2/a/blobs/" + wrong).statusCode()).isEqualTo(404);
    assertThat(r.head("/v2/a/blobs/" + digest).statusCode()).isEqualTo(404);
    assertThat(Files.exists(dir.resolve("docker/registry/v2/blobs/sha256/" + wrong.hex().substring(0, 2)))).isFalse();
    HttpResponse<byte[]> missing = r.method("PUT", post("a"), content);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(code(missing)).isEqualTo("DIGEST_INVALID");
    HttpResponse<byte[]> malformed = r.method("PUT", post("a") + "?digest=sha256:nothex", content);
    assertThat(malformed.statusCode()).isEqualTo(400);
  }

  @Test
  void cancelMakesTheSessionUnknown() throws Exception {
    String loc = post("a");
    assertThat(r.method("DELETE", loc, null).statusCode()).isEqualTo(204);
    HttpResponse<byte[]> status = r.get(loc);
    assertThat(status.statusCode()).isEqualTo(404);
    assertThat(code(status)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    assertThat(r.get("/v2/a/blobs/uploads/not-a-uuid").statusCode()).isEqualTo(404);
  }

  @Test
  void sessionSurvivesARestartAndAnotherNode() throws Exception {
    String loc = post("a");
    assertThat(r.method("PATCH", loc, Arrays.copyOfRange(content, 0, 1000), "Content-Range", "0-999").statusCode())
        .isEqualTo(202);
    r.close();
    // another node over the same storage (no shared memory): status, append and commit work
    try (RegistryTestServer other = new RegistryTestServer(dir)) {
      assertThat(other.get(loc).headers().firstValue("Range")).contains("0-999");
      assertThat(other.method("PATCH", loc, Arrays.copyOfRange(content, 1000, content.length),
          "Content-Range", "1000-" + (content.length - 1)).statusCode()).isEqualTo(202);
      HttpResponse<byte[]> put = other.method("PUT", loc + "?digest=" + digest, null);
      assertThat(put.statusCode()).isEqualTo(201);
      assertThat(other.get("/v2/a/blobs/" + digest).body()).isEqualTo(content);
    }
    r = new RegistryTestServer(dir);
  }

  @Test
  void singlePostWithDigest() {
    HttpResponse<byte[]> res = r.method("POST", "/v2/a/blobs/uploads/?digest=" + digest, content);
    assertCreated(res, "a", digest);
  }

  @Test
  void sha512IsStoredAndReportedAsSha512() {
    Digest d512 = Digest.compute(DigestAlgorithm.SHA512, content);
    HttpResponse<byte[]> post = r.method("POST", "/v2/a/blobs/uploads/?digest-algorithm=sha512", null);
    assertThat(post.statusCode()).isEqualTo(202);
    String loc = post.headers().firstValue("Location").orElseThrow();
    assertCreated(r.method("PUT", loc + "?digest=" + d512, content), "a", d512);
    assertThat(Files.exists(dir.resolve("docker/registry/v2/blobs/sha512/" + d512.hex().substring(0, 2)))).isTrue();
    assertThat(r.method("POST", "/v2/a/blobs/uploads/?digest-algorithm=md5", null).statusCode()).isEqualTo(400);
  }

  @Test
  void emptyBlob() {
    content = new byte[0];
    Digest empty = Digest.sha256(content);
    assertCreated(r.method("PUT", post("a") + "?digest=" + empty, null), "a", empty);
  }

  @Test
  void crossRepositoryMount() throws Exception {
    r.pushBlob("src", content);
    HttpResponse<byte[]> mount = r.method("POST", "/v2/dst/blobs/uploads/?mount=" + digest + "&from=src", null);
    assertCreated(mount, "dst", digest);
    // unknown blob or source: a new session, never an error
    Digest other = Digest.sha256(new byte[] {9});
    HttpResponse<byte[]> fallback = r.method("POST", "/v2/dst2/blobs/uploads/?mount=" + other + "&from=src", null);
    assertThat(fallback.statusCode()).isEqualTo(202);
    assertThat(fallback.headers().firstValue("Location").orElseThrow()).startsWith("/v2/dst2/blobs/uploads/");
    HttpResponse<byte[]> badFrom = r.method("POST", "/v2/dst2/blobs/uploads/?mount=" + digest + "&from=Bad//", null);
    assertThat(badFrom.statusCode()).isEqualTo(202);
    assertThat(r.head("/v2/dst2/blobs/" + digest).statusCode()).isEqualTo(404);
  }

  @Test
  void reuploadOfExistingContentDedupes() {
    r.pushBlob("a", content);
    r.pushBlob("b", content);
    assertThat(r.get("/v2/b/blobs/" + digest).body()).isEqualTo(content);
  }
}
