package io.trustyard.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestParserTest {
  static final String D1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
  static final String D2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

  static byte[] b(String s) {
    return s.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void imageManifestWithExtrasAndSubject() {
    Manifest m = ManifestParser.parse(b("{'schemaVersion':2,'mediaType':'" + MediaTypes.OCI_MANIFEST + "',"
        + "'unknownField':[1,2],'config':{'mediaType':'application/x-config','digest':'" + D1 + "','size':2,"
        + "'data':'e30='},'layers':[],'subject':{'mediaType':'" + MediaTypes.OCI_MANIFEST + "','digest':'" + D2
        + "','size':10},'annotations':{'a':'b'}}"), MediaTypes.OCI_MANIFEST + "; charset=utf-8");
    assertThat(m).isInstanceOf(ImageManifest.class);
    ImageManifest im = (ImageManifest) m;
    assertThat(im.config().data()).isEqualTo("e30=");
    assertThat(im.effectiveArtifactType()).isEqualTo("application/x-config");
    assertThat(im.subject().digest().toString()).isEqualTo(D2);
    assertThat(im.annotations()).containsEntry("a", "b");
    assertThat(im.references()).hasSize(1);
  }

  @Test
  void foreignLayersWithUrlsAreNotRequired() {
    ImageManifest m = (ImageManifest) ManifestParser.parse(b("{'schemaVersion':2,'mediaType':'"
        + MediaTypes.DOCKER_MANIFEST + "','config':{'mediaType':'" + MediaTypes.DOCKER_CONFIG + "','digest':'"
        + D1 + "','size':2},'layers':[{'mediaType':'" + MediaTypes.DOCKER_FOREIGN_LAYER + "','digest':'" + D2
        + "','size':5,'urls':['https://example.com/x']}]}"), MediaTypes.DOCKER_MANIFEST);
    assertThat(m.references()).extracting(Descriptor::digest).extracting(Object::toString).containsExactly(D1);
  }

  @Test
  void indexWithPlatform() {
    ImageIndex i = (ImageIndex) ManifestParser.parse(b("{'schemaVersion':2,'manifests':[{'mediaType':'"
        + MediaTypes.OCI_MANIFEST + "','digest':'" + D1 + "','size':3,'platform':{'architecture':'amd64',"
        + "'os':'linux'}}]}"), MediaTypes.OCI_INDEX);
    assertThat(i.manifests().get(0).platform().architecture()).isEqualTo("amd64");
    assertThat(i.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
  }

  @Test
  void typeFromFieldWhenContentTypeMissing() {
    Manifest m = ManifestParser.parse(b("{'schemaVersion':2,'mediaType':'" + MediaTypes.DOCKER_MANIFEST_LIST
        + "','manifests':[]}"), null);
    assertThat(m.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not json", "[]", "{'schemaVersion':1}", "{'schemaVersion':'2','config':{}}",
      "{'schemaVersion':2,'mediaType':'" + MediaTypes.OCI_INDEX + "','config':{}}",
      "{'schemaVersion':2,'layers':[]}",
      "{'schemaVersion':2,'config':{'mediaType':'x','digest':'sha256:nope','size':1}}",
      "{'schemaVersion':2,'config':{'mediaType':'x','digest':'" + D1 + "','size':-1}}",
      "{'schemaVersion':2,'config':{'mediaType':'x','digest':'" + D1 + "','size':1.5}}",
      "{'schemaVersion':2,'config':{'mediaType':'x','digest':'" + D1 + "','size':1},'annotations':{'a':1}}",
      "{'schemaVersion':2,'schemaVersion':2,'config':{'mediaType':'x','digest':'" + D1 + "','size':1}}",
  })
  void rejects(String json) {
    assertThatThrownBy(() -> ManifestParser.parse(b(json), MediaTypes.OCI_MANIFEST))
        .isInstanceOf(InvalidManifestException.class);
  }

  @Test
  void rejectsDockerManifestWithoutMediaTypeFieldAndUnknownTypes() {
    assertThatThrownBy(() -> ManifestParser.parse(b("{'schemaVersion':2,'config':{'mediaType':'x','digest':'"
        + D1 + "','size':1}}"), MediaTypes.DOCKER_MANIFEST)).hasMessageContaining("mediaType");
    assertThatThrownBy(() -> ManifestParser.parse(b("{'schemaVersion':2}"), "text/plain"))
        .hasMessageContaining("unsupported");
  }

  @Test
  void sizeBound() {
    byte[] big = new byte[ManifestParser.MAX_MANIFEST_BYTES + 1];
    assertThatThrownBy(() -> ManifestParser.parse(big, MediaTypes.OCI_MANIFEST))
        .isInstanceOfSatisfying(InvalidManifestException.class, e -> assertThat(e.tooLarge()).isTrue());
  }
}
