package io.trustyard.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.core.digest.Digest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ping and blob endpoints: headers, ranges, repository scoping, deletion, bad input. */
class BlobConformanceTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  RegistryTestServer r;
  byte[] content = new byte[1000];
  Digest digest;

  @BeforeEach
  void start() throws Exception {
    r = new RegistryTestServer(dir);
    new Random(7).nextBytes(content);
    digest = r.pushBlob("team/app", content);
  }

  @AfterEach
  void stop() {
    r.close();
  }

  static String code(HttpResponse<byte[]> res) throws Exception {
    JsonNode root = JSON.readTree(res.body());
    return root.path("errors").path(0).path("code").asText();
  }

  @Test
  void pingAnswersWithApiVersion() throws Exception {
    HttpResponse<byte[]> res = r.get("/v2/");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Docker-Distribution-API-Version")).contains("registry/2.0");
    assertThat(JSON.readTree(res.body()).isObject()).isTrue();
    assertThat(r.get("/v2").statusCode()).isEqualTo(200);
  }

  @Test
  void getAndHeadCarryDigestLengthAndTypeAndNoBodyOnHead() {
    HttpResponse<byte[]> get = r.get("/v2/team/app/blobs/" + digest);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(content);
    assertThat(get.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertThat(get.headers().firstValue("Content-Length")).contains("1000");
    assertThat(get.headers().firstValue("ETag")).contains("\"" + digest + "\"");
    assertThat(get.headers().firstValue("Docker-Distribution-API-Version")).contains("registry/2.0");
    HttpResponse<byte[]> head = r.head("/v2/team/app/blobs/" + digest);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).contains("1000");
    assertThat(head.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertThat(head.body()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"bytes=0-99, 0, 99", "bytes=900-, 900, 999", "bytes=-10, 990, 999", "bytes=990-5000, 990, 999",
      "bytes=0-0, 0, 0"})
  void ranges(String header, int start, int end) {
    HttpResponse<byte[]> res = r.get("/v2/team/app/blobs/" + digest, "Range", header);
    assertThat(res.statusCode()).isEqualTo(206);
    assertThat(res.headers().firstValue("Content-Range")).contains("bytes " + start + "-" + end + "/1000");
    assertThat(res.headers().firstValue("Content-Length")).contains(Integer.toString(end - start + 1));
    assertThat(res.body()).isEqualTo(Arrays.copyOfRange(content, start, end + 1));
  }

  @ParameterizedTest
  @CsvSource({"bytes=1000-", "bytes=500-0", "bytes=5000-6000", "bytes=-0"})
  void unsatisfiableRangesAre416WithCompleteBody(String header) throws Exception {
    HttpResponse<byte[]> res = r.get("/v2/team/app/blobs/" + digest, "Range", header);
    assertThat(res.statusCode()).isEqualTo(416);
    assertThat(res.headers().firstValue("Content-Range")).contains("bytes */1000");
    assertThat(code(res)).isEqualTo("RANGE_INVALID");
  }

  @Test
  void blobsOfOtherRepositoriesAreUnknown() throws Exception {
    HttpResponse<byte[]> res = r.get("/v2/other/blobs/" + digest);
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(code(res)).isEqualTo("BLOB_UNKNOWN");
    assertThat(r.head("/v2/other/blobs/" + digest).statusCode()).isEqualTo(404);
  }

  @Test
  void badNamesAndDigestsAre400NeverA500() throws Exception {
    HttpResponse<byte[]> badDigest = r.get("/v2/team/app/blobs/sha256:totallywrong");
    assertThat(badDigest.statusCode()).isEqualTo(400);
    assertThat(code(badDigest)).isEqualTo("DIGEST_INVALID");
    HttpResponse<byte[]> badName = r.get("/v2/Team/App/blobs/" + digest);
    assertThat(badName.statusCode()).isEqualTo(400);
    assertThat(code(badName)).isEqualTo("NAME_INVALID");
    HttpResponse<byte[]> unsupported = r.get("/v2/team/app/blobs/md5:abcdef");
    assertThat(unsupported.statusCode()).isEqualTo(400);
    assertThat(r.get("/v2/a/../b/blobs/" + digest).statusCode()).isIn(400, 404);
    assertThat(r.get("/nothing/here").statusCode()).isEqualTo(404);
  }

  @Test
  void unknownQueryParametersAreIgnored() {
    assertThat(r.get("/v2/team/app/blobs/" + digest + "?ns=docker.io&x=1").statusCode()).isEqualTo(200);
  }

  @Test
  void deleteUnlinksAtOnce() throws Exception {
    assertThat(r.method("DELETE", "/v2/team/app/blobs/" + digest, null).statusCode()).isEqualTo(202);
    assertThat(r.get("/v2/team/app/blobs/" + digest).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> again = r.method("DELETE", "/v2/team/app/blobs/" + digest, null);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(code(again)).isEqualTo("BLOB_UNKNOWN");
  }

  @Test
  void wrongMethodIsUnsupported() throws Exception {
    HttpResponse<byte[]> res = r.method("POST", "/v2/team/app/blobs/" + digest, new byte[0]);
    assertThat(res.statusCode()).isEqualTo(405);
    assertThat(code(res)).isEqualTo("UNSUPPORTED");
  }

  @Test
  void metricsAndHealth() {
    assertThat(r.get("/health").statusCode()).isEqualTo(200);
    HttpResponse<byte[]> metrics = r.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(RegistryTestServer.text(metrics)).contains("trustyard_registry_http_requests");
  }
}
