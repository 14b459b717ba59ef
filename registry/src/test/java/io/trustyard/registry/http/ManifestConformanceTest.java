package io.trustyard.registry.http;

import static io.trustyard.registry.http.BlobConformanceTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.MediaTypes;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifest push, pull, deletion and validation. */
class ManifestConformanceTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  RegistryTestServer r;
  Digest config;
  Digest layer;

  @BeforeEach
  void start() throws Exception {
    r = new RegistryTestServer(dir);
    config = r.pushBlob("app", "{}".getBytes(StandardCharsets.UTF_8));
    layer = r.pushBlob("app", "layer".getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    r.close();
  }

  static byte[] b(String s) {
    return s.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  /** A manifest with odd but legal spacing, so any re-serialisation would change its digest. */
  byte[] manifest(String mediaType, String configType, String extra) {
    return b("{ 'schemaVersion' : 2,\n  'mediaType':'" + mediaType + "', 'config':{'mediaType':'" + configType
        + "','digest':'" + config + "','size':2},'layers':[{'mediaType':'" + MediaTypes.OCI_LAYER_GZIP
        + "','digest':'" + layer + "','size':5}]" + extra + " }\n");
  }

  @Test
  void ociManifestByTagIsStoredAndServedByteForByteWhateverAccept() throws Exception {
    byte[] m = manifest(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, ",'unknown':{'x':[1]}");
    Digest d = Digest.sha256(m);
    HttpResponse<byte[]> put = r.putManifest("app", "v1", MediaTypes.OCI_MANIFEST, m);
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(put.headers().firstValue("Docker-Content-Digest")).contains(d.toString());
    assertThat(put.headers().firstValue("Location")).contains("/v2/app/manifests/" + d);
    assertThat(put.headers().firstValue("OCI-Subject")).isEmpty();
    for (String ref : new String[] {"v1", d.toString()}) {
      HttpResponse<byte[]> get = r.get("/v2/app/manifests/" + ref, "Accept", MediaTypes.DOCKER_MANIFEST);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo(m);
      assertThat(get.headers().firstValue("Content-Type")).contains(MediaTypes.OCI_MANIFEST);
      assertThat(get.headers().firstValue("Docker-Content-Digest")).contains(d.toString());
      HttpResponse<byte[]> head = r.head("/v2/app/manifests/" + ref);
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(m.length));
      assertThat(head.headers().firstValue("Content-Type")).contains(MediaTypes.OCI_MANIFEST);
      assertThat(head.headers().firstValue("Docker-Content-Digest")).contains(d.toString());
    }
    assertThat(r.get("/v2/app/manifests/v1", "If-None-Match", "\"" + d + "\"").statusCode()).isEqualTo(304);
    // distribution's layout
    String v2 = "docker/registry/v2/repositories/app/_manifests/";
    assertThat(Files.readString(dir.resolve(v2 + "tags/v1/current/link"))).isEqualTo(d.toString());
    assertThat(Files.exists(dir.resolve(v2 + "tags/v1/index/sha256/" + d.hex() + "/link"))).isTrue();
    assertThat(Files.exists(dir.resolve(v2 + "revisions/sha256/" + d.hex() + "/link"))).isTrue();
    // manifests are not blobs of the repository
    assertThat(r.get("/v2/app/blobs/" + d).statusCode()).isEqualTo(404);
  }

  @Test
  void dockerManifestListAndIndexAreAccepted() throws Exception {
    byte[] docker = manifest(MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_CONFIG, "");
    Digest dd = Digest.sha256(docker);
    assertThat(r.putManifest("app", "docker", MediaTypes.DOCKER_MANIFEST, docker).statusCode()).isEqualTo(201);
    byte[] list = b("{'schemaVersion':2,'mediaType':'" + MediaTypes.DOCKER_MANIFEST_LIST + "','manifests':[{'mediaType':'"
        + MediaTypes.DOCKER_MANIFEST + "','digest':'" + dd + "','size':" + docker.length
        + ",'platform':{'architecture':'amd64','os':'linux'}}]}");
    HttpResponse<byte[]> put = r.putManifest("app", "list", MediaTypes.DOCKER_MANIFEST_LIST, list);
    assertThat(put.statusCode()).as(RegistryTestServer.text(put)).isEqualTo(201);
    HttpResponse<byte[]> get = r.get("/v2/app/manifests/list", "Accept", MediaTypes.DOCKER_MANIFEST);
    assertThat(get.headers().firstValue("Content-Type")).contains(MediaTypes.DOCKER_MANIFEST_LIST);
    assertThat(get.body()).isEqualTo(list);
    byte[] index = b("{'schemaVersion':2,'manifests':[{'mediaType':'" + MediaTypes.DOCKER_MANIFEST + "','digest':'"
        + dd + "','size':" + docker.length + "}]}");
    assertThat(r.putManifest("app", "index", MediaTypes.OCI_INDEX, index).statusCode()).isEqualTo(201);
    assertThat(r.get("/v2/app/manifests/index").headers().firstValue("Content-Type")).contains(MediaTypes.OCI_INDEX);
  }

  @Test
  void pushByDigestChecksTheDigest() throws Exception {
    byte[] m = manifest(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, "");
    Digest d = Digest.sha256(m);
    assertThat(r.putManifest("app", d.toString(), MediaTypes.OCI_MANIFEST, m).statusCode()).isEqualTo(201);
    Digest wrong = Digest.sha256(b("x"));
    HttpResponse<byte[]> res = r.putManifest("app", wrong.toString(), MediaTypes.OCI_MANIFEST, m);
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(code(res)).isEqualTo("DIGEST_INVALID");
    assertThat(r.get("/v2/app/manifests/" + wrong).statusCode()).isEqualTo(404);
  }

  @Test
  void missingReferencesAreManifestBlobUnknownAndChangeNothing() throws Exception {
    Digest absent = Digest.sha256(b("absent"));
    byte[] m = b("{'schemaVersion':2,'mediaType':'" + MediaTypes.OCI_MANIFEST + "','config':{'mediaType':'"
        + MediaTypes.OCI_CONFIG + "','digest':'" + config + "','size':2},'layers':[{'mediaType':'"
        + MediaTypes.OCI_LAYER + "','digest':'" + absent + "','size':6}]}");
    HttpResponse<byte[]> res = r.putManifest("app", "broken", MediaTypes.OCI_MANIFEST, m);
    assertThat(res.statusCode()).isEqualTo(400);
    JsonNode err = JSON.readTree(res.body()).path("errors").path(0);
    assertThat(err.path("code").asText()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
    assertThat(err.path("detail").asText()).isEqualTo(absent.toString());
    assertThat(r.get("/v2/app/manifests/broken").statusCode()).isEqualTo(404);
    // a blob of another repository does not count
    Digest elsewhere = r.pushBlob("other", b("elsewhere"));
    byte[] m2 = b("{'schemaVersion':2,'config':{'mediaType':'" + MediaTypes.OCI_CONFIG + "','digest':'" + elsewhere
        + "','size':9},'layers':[]}");
    assertThat(r.putManifest("app", "x", MediaTypes.OCI_MANIFEST, m2).statusCode()).isEqualTo(400);
    // an index whose child is absent
    byte[] index = b("{'schemaVersion':2,'manifests':[{'mediaType':'" + MediaTypes.OCI_MANIFEST + "','digest':'"
        + absent + "','size':3}]}");
    HttpResponse<byte[]> ires = r.putManifest("app", "idx", MediaTypes.OCI_INDEX, index);
    assertThat(code(ires)).isEqualTo("MANIFEST_BLOB_UNKNOWN");
  }

  @Test
  void artifactsWithEmptyLayersDataAndAbsentSubjectAreAccepted() throws Exception {
    Digest empty = r.pushBlob("app", b("{}"));
    Digest subject = Digest.sha256(b("not pushed yet"));
    byte[] m = b("{'schemaVersion':2,'mediaType':'" + MediaTypes.OCI_MANIFEST + "','artifactType':'application/x.sig',"
        + "'config':{'mediaType':'" + MediaTypes.OCI_EMPTY + "','digest':'" + empty + "','size':2,'data':'e30='},"
        + "'layers':[],'subject':{'mediaType':'" + MediaTypes.OCI_MANIFEST + "','digest':'" + subject
        + "','size':10}}");
    HttpResponse<byte[]> put = r.putManifest("app", Digest.sha256(m).toString(), MediaTypes.OCI_MANIFEST, m);
    assertThat(put.statusCode()).as(RegistryTestServer.text(put)).isEqualTo(201);
    assertThat(put.headers().firstValue("OCI-Subject")).contains(subject.toString());
  }

  @Test
  void sizeLimit() throws Exception {
    String pad = "x".repeat(3_900_000);
    byte[] big = manifest(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, ",'annotations':{'pad':'" + pad + "'}");
    assertThat(r.putManifest("app", "big", MediaTypes.OCI_MANIFEST, big).statusCode()).isEqualTo(201);
    assertThat(r.get("/v2/app/manifests/big").body()).isEqualTo(big);
    byte[] huge = manifest(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, ",'annotations':{'pad':'"
        + "x".repeat(4_200_000) + "'}");
    HttpResponse<byte[]> res = r.putManifest("app", "huge", MediaTypes.OCI_MANIFEST, huge);
    assertThat(res.statusCode()).isEqualTo(413);
    assertThat(code(res)).isEqualTo("MANIFEST_INVALID");
  }

  @Test
  void badInputGetsCodesNever500() throws Exception {
    byte[] m = manifest(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, "");
    assertThat(code(r.putManifest("app", "v1", MediaTypes.OCI_MANIFEST, b("{not json")))).isEqualTo("MANIFEST_INVALID");
    assertThat(code(r.putManifest("app", "v1", "text/plain", m))).isEqualTo("MANIFEST_INVALID");
    assertThat(code(r.putManifest("app", "v1", MediaTypes.OCI_INDEX, m))).isEqualTo("MANIFEST_INVALID");
    assertThat(code(r.putManifest("app", "-bad", MediaTypes.OCI_MANIFEST, m))).isEqualTo("TAG_INVALID");
    assertThat(code(r.putManifest("app", "v1", MediaTypes.DOCKER_MANIFEST_V1_SIGNED, m))).isEqualTo("MANIFEST_INVALID");
    HttpResponse<byte[]> wrong = r.get("/v2/app/manifests/sha256:totallywrong");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(code(wrong)).isEqualTo("DIGEST_INVALID");
    HttpResponse<byte[]> unknown = r.get("/v2/app/manifests/nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(code(unknown)).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(r.get("/v2/app/tags/list").body()).isEqualTo(b("{'name':'app','tags':[]}"));
  }

  @Test
  void deletes() throws Exception {
    byte[] m = manifest(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, "");
    Digest d = Digest.sha256(m);
    r.putManifest("app", "a", MediaTypes.OCI_MANIFEST, m);
    r.putManifest("app", "b", MediaTypes.OCI_MANIFEST, m);
    r.putManifest("app", "c", MediaTypes.OCI_MANIFEST, m);
    // tag delete removes only the tag
    assertThat(r.method("DELETE", "/v2/app/manifests/a", null).statusCode()).isEqualTo(202);
    assertThat(r.get("/v2/app/manifests/a").statusCode()).isEqualTo(404);
    assertThat(r.get("/v2/app/manifests/" + d).statusCode()).isEqualTo(200);
    assertThat(r.method("DELETE", "/v2/app/manifests/a", null).statusCode()).isEqualTo(404);
    // digest delete removes the manifest and every tag pointing at it
    assertThat(r.method("DELETE", "/v2/app/manifests/" + d, null).statusCode()).isEqualTo(202);
    assertThat(r.get("/v2/app/manifests/" + d).statusCode()).isEqualTo(404);
    assertThat(r.get("/v2/app/manifests/b").statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.get("/v2/app/tags/list").body()).path("tags").size()).isZero();
    HttpResponse<byte[]> again = r.method("DELETE", "/v2/app/manifests/" + d, null);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(code(again)).isEqualTo("MANIFEST_UNKNOWN");
  }
}
