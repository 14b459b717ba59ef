package io.trustyard.registry.http;

import static io.trustyard.registry.http.BlobConformanceTest.code;
import static io.trustyard.registry.http.ManifestConformanceTest.b;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.MediaTypes;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tag list, catalog and referrers. */
class ListingConformanceTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  RegistryTestServer r;
  Digest config;
  byte[] image;
  Digest imageDigest;

  @BeforeEach
  void start() throws Exception {
    r = new RegistryTestServer(dir);
    config = r.pushBlob("app", b("{}"));
    image = b("{'schemaVersion':2,'mediaType':'" + MediaTypes.OCI_MANIFEST + "','config':{'mediaType':'"
        + MediaTypes.OCI_CONFIG + "','digest':'" + config + "','size':2},'layers':[]}");
    imageDigest = Digest.sha256(image);
  }

  @AfterEach
  void stop() {
    r.close();
  }

  List<String> tags(String query) throws Exception {
    List<String> out = new ArrayList<>();
    JSON.readTree(r.get("/v2/app/tags/list" + query).body()).path("tags").forEach(t -> out.add(t.asText()));
    return out;
  }

  @Test
  void halfDeletedTagsAreSkippedInPagesAndEndThePagination() throws Exception {
    for (String t : new String[] {"a", "b", "c", "d"}) {
      assertThat(r.putManifest("app", t, MediaTypes.OCI_MANIFEST, image).statusCode()).isEqualTo(201);
    }
    // A tag directory whose current link is gone (a delete interrupted half way) is no tag.
    for (String t : new String[] {"b", "d"}) {
      java.nio.file.Files.delete(r.storage.resolve(io.trustyard.registry.service.Layout.tagCurrentLink("app", t)));
    }
    assertThat(tags("?n=1")).containsExactly("a");
    assertThat(r.get("/v2/app/tags/list?n=1").headers().firstValue("Link"))
        .contains("</v2/app/tags/list?last=a&n=1>; rel=\"next\"");
    assertThat(tags("?n=1&last=a")).containsExactly("c");
    assertThat(r.get("/v2/app/tags/list?n=1&last=a").headers().firstValue("Link")).isEmpty();
    assertThat(tags("")).containsExactly("a", "c");
  }

  @Test
  void tagsAreAsciiSortedAndPaginate() throws Exception {
    for (String t : new String[] {"b", "A", "a", "_z", "10", "9"}) {
      assertThat(r.putManifest("app", t, MediaTypes.OCI_MANIFEST, image).statusCode()).isEqualTo(201);
    }
    assertThat(tags("")).containsExactly("10", "9", "A", "_z", "a", "b");
    assertThat(tags("?n=2")).containsExactly("10", "9");
    HttpResponse<byte[]> page = r.get("/v2/app/tags/list?n=2");
    assertThat(page.headers().firstValue("Link")).contains("</v2/app/tags/list?last=9&n=2>; rel=\"next\"");
    assertThat(tags("?n=2&last=9")).containsExactly("A", "_z");
    assertThat(tags("?last=Zebra")).containsExactly("_z", "a", "b");
    assertThat(tags("?n=0")).isEmpty();
    assertThat(r.get("/v2/app/tags/list?n=0").headers().firstValue("Link")).isEmpty();
    assertThat(r.get("/v2/app/tags/list?n=100").headers().firstValue("Link")).isEmpty();
    HttpResponse<byte[]> bad = r.get("/v2/app/tags/list?n=-1");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(code(bad)).isEqualTo("PAGINATION_NUMBER_INVALID");
    HttpResponse<byte[]> unknown = r.get("/v2/nothing/tags/list");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(code(unknown)).isEqualTo("NAME_UNKNOWN");
  }

  @Test
  void catalog() throws Exception {
    r.pushBlob("a/b/c", b("x"));
    r.pushBlob("z", b("y"));
    JsonNode all = JSON.readTree(r.get("/v2/_catalog").body());
    assertThat(all.path("repositories").toString()).isEqualTo("[\"a/b/c\",\"app\",\"z\"]");
    HttpResponse<byte[]> page = r.get("/v2/_catalog?n=1");
    assertThat(JSON.readTree(page.body()).path("repositories").toString()).isEqualTo("[\"a/b/c\"]");
    assertThat(page.headers().firstValue("Link")).contains("</v2/_catalog?last=a%2Fb%2Fc&n=1>; rel=\"next\"");
    assertThat(JSON.readTree(r.get("/v2/_catalog?n=5&last=a/b/c").body()).path("repositories").toString())
        .isEqualTo("[\"app\",\"z\"]");
    assertThat(r.get("/v2/_catalog?n=abc").statusCode()).isEqualTo(400);
  }

  byte[] referrer(String artifactType, String annotation) {
    return b("{'schemaVersion':2,'mediaType':'" + MediaTypes.OCI_MANIFEST + "'"
        + (artifactType == null ? "" : ",'artifactType':'" + artifactType + "'")
        + ",'config':{'mediaType':'application/x.config','digest':'" + config + "','size':2},'layers':[],"
        + "'subject':{'mediaType':'" + MediaTypes.OCI_MANIFEST + "','digest':'" + imageDigest + "','size':"
        + image.length + "},'annotations':{'k':'" + annotation + "'}}");
  }

  @Test
  void referrers() throws Exception {
    HttpResponse<byte[]> empty = r.get("/v2/app/referrers/" + imageDigest);
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.headers().firstValue("Content-Type")).contains(MediaTypes.OCI_INDEX);
    assertThat(JSON.readTree(empty.body()).path("manifests").isArray()).isTrue();
    assertThat(JSON.readTree(empty.body()).path("manifests").size()).isZero();
    r.putManifest("app", "v1", MediaTypes.OCI_MANIFEST, image);
    byte[] sig = referrer("application/x.sig", "one");
    byte[] sbom = referrer(null, "two");
    HttpResponse<byte[]> put = r.putManifest("app", Digest.sha256(sig).toString(), MediaTypes.OCI_MANIFEST, sig);
    assertThat(put.headers().firstValue("OCI-Subject")).contains(imageDigest.toString());
    r.putManifest("app", Digest.sha256(sbom).toString(), MediaTypes.OCI_MANIFEST, sbom);
    JsonNode all = JSON.readTree(r.get("/v2/app/referrers/" + imageDigest).body());
    assertThat(all.path("manifests").size()).isEqualTo(2);
    JsonNode filtered = JSON.readTree(r.get("/v2/app/referrers/" + imageDigest + "?artifactType=application/x.sig")
        .body());
    assertThat(filtered.path("manifests").size()).isEqualTo(1);
    JsonNode entry = filtered.path("manifests").path(0);
    assertThat(entry.path("digest").asText()).isEqualTo(Digest.sha256(sig).toString());
    assertThat(entry.path("size").asLong()).isEqualTo(sig.length);
    assertThat(entry.path("annotations").path("k").asText()).isEqualTo("one");
    assertThat(r.get("/v2/app/referrers/" + imageDigest + "?artifactType=application/x.sig").headers()
        .firstValue("OCI-Filters-Applied")).contains("artifactType");
    // artifactType falls back to config.mediaType
    JsonNode byConfig = JSON.readTree(r.get("/v2/app/referrers/" + imageDigest
        + "?artifactType=application/x.config").body());
    assertThat(byConfig.path("manifests").path(0).path("digest").asText()).isEqualTo(Digest.sha256(sbom).toString());
    // other repositories do not see them; deleting a referrer removes it
    assertThat(JSON.readTree(r.get("/v2/other/referrers/" + imageDigest).body()).path("manifests").size()).isZero();
    r.method("DELETE", "/v2/app/manifests/" + Digest.sha256(sig), null);
    assertThat(JSON.readTree(r.get("/v2/app/referrers/" + imageDigest).body()).path("manifests").size()).isEqualTo(1);
    assertThat(r.get("/v2/app/referrers/sha256:bad").statusCode()).isEqualTo(400);
  }
}
