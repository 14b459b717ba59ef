package io.trustyard.core.tuf.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.core.json.Json;
import io.trustyard.core.tuf.NotaryVectors;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.Delegations;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.Signature;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.UnknownFields;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataCodecTest {
  private static final OffsetDateTime EXPIRES = OffsetDateTime.parse("2116-07-03T17:56:36.027379879-05:00");

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Parsed<TargetsMetadata> targets(String json) {
    return MetadataReader.targets("targets", json.getBytes(StandardCharsets.UTF_8), 1 << 20);
  }

  @Test
  void targetsAreWrittenWithGoFieldRules() {
    TargetsMetadata body = new TargetsMetadata(2, EXPIRES,
        Map.of("a<b>&c-\u00e9", FileMeta.sha256Only(3, new byte[] {1, 2, 3}),
            "with-custom", FileMeta.sha256Only(1, new byte[] {9}).withCustom(Json.nodes().objectNode().put("a", "x"))),
        new Delegations(Map.of(), List.of(new DelegatedRole("targets/none", List.of("k"), 1, List.of())),
            UnknownFields.NONE),
        UnknownFields.NONE);
    byte[] file = MetadataWriter.encode(new Signed<>(body, List.of(new Signature("k", "ecdsa", new byte[] {7}))));
    assertThat(utf8(file)).isEqualTo("{\"signed\":{\"_type\":\"Targets\",\"delegations\":{\"keys\":{},\"roles\":"
        + "[{\"keyids\":[\"k\"],\"name\":\"targets/none\",\"threshold\":1}]},"
        + "\"expires\":\"2116-07-03T17:56:36.027379879-05:00\",\"targets\":{"
        + "\"a\\u003cb\\u003e\\u0026c-\u00e9\":{\"hashes\":{\"sha256\":\"AQID\"},\"length\":3},"
        + "\"with-custom\":{\"custom\":{\"a\":\"x\"},\"hashes\":{\"sha256\":\"CQ==\"},\"length\":1}},"
        + "\"version\":2},\"signatures\":[{\"keyid\":\"k\",\"method\":\"ecdsa\",\"sig\":\"Bw==\"}]}");
    // The signed bytes carry the raw characters; only the file escapes them.
    assertThat(utf8(MetadataWriter.canonical(body))).contains("\"a<b>&c-\u00e9\"");
    Parsed<TargetsMetadata> back = MetadataReader.targets("targets", file, file.length);
    assertThat(back.signed()).isEqualTo(body);
    assertThat(back.signedBytes()).isEqualTo(MetadataWriter.canonical(body));
    assertThat(MetadataWriter.encode(back.metadata())).isEqualTo(file);
  }

  @Test
  void unknownFieldsInsideSignedSurviveARoundTrip() {
    String file = "{\"signed\":{\"_type\":\"Targets\",\"delegations\":{\"extra\":[1],\"keys\":{},\"roles\":"
        + "[{\"keyids\":[],\"name\":\"targets/a\",\"paths\":[\"x/\"],\"terminating\":true,\"threshold\":1}]},"
        + "\"expires\":\"2030-01-01T00:00:00Z\",\"future\":{\"b\":null},\"targets\":{\"t\":{\"hashes\":"
        + "{\"md5\":\"AA==\"},\"length\":0,\"version\":4}},\"version\":1},\"signatures\":[]}";
    Parsed<TargetsMetadata> parsed = targets(file);
    assertThat(parsed.signed().unknown().fields()).containsOnlyKeys("future");
    assertThat(parsed.signed().delegations().unknown().fields()).containsOnlyKeys("extra");
    assertThat(parsed.signed().delegations().roles().get(0).unknown().fields()).containsOnlyKeys("terminating");
    assertThat(parsed.signed().targets().get("t").unknown().fields()).containsOnlyKeys("version");
    assertThat(utf8(MetadataWriter.encode(parsed.metadata()))).isEqualTo(file);
  }

  @Test
  void methodIsLowerCasedAsGoReadsIt() {
    Parsed<TargetsMetadata> parsed = targets("{\"signed\":{\"_type\":\"Targets\",\"expires\":\"2030-01-01T00:00:00Z\","
        + "\"version\":1},\"signatures\":[{\"keyid\":\"k\",\"method\":\"ECDSA\",\"sig\":\"AA==\"}]}");
    assertThat(parsed.metadata().signatures().get(0).method()).isEqualTo("ecdsa");
  }

  @Test
  void wrongTypeTooLargeAndMalformedAreNamed() {
    byte[] root = NotaryVectors.metadata("root");
    assertThatThrownBy(() -> MetadataReader.timestamp(root, 1 << 20))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.WRONG_TYPE));
    assertThatThrownBy(() -> MetadataReader.root(root, root.length - 1))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.TOO_LARGE));
    for (String bad : List.of(
        "[]",
        "{\"signed\":{\"_type\":\"Targets\",\"expires\":\"2030-01-01\",\"version\":1}}",
        "{\"signed\":{\"_type\":\"Targets\",\"expires\":\"2030-01-01T00:00:00Z\",\"version\":1.0}}",
        "{\"signed\":{\"_type\":\"Targets\",\"expires\":\"2030-01-01T00:00:00Z\",\"version\":1,\"x\":1.5}}",
        "{\"signed\":{\"_type\":\"Targets\",\"expires\":\"2030-01-01T00:00:00Z\",\"version\":1,"
            + "\"targets\":{\"t\":{\"hashes\":{\"sha256\":\"AA\"},\"length\":1}}}}",
        "{\"signed\":{\"_type\":\"Targets\",\"expires\":\"2030-01-01T00:00:00Z\",\"version\":1,"
            + "\"delegations\":{\"keys\":{\"k\":{\"keytype\":\"ed25519\",\"keyval\":{\"private\":\"AA==\","
            + "\"public\":\"AA==\"}}},\"roles\":[]}}}",
        "{\"signed\":{\"_type\":\"Targets\",\"expires\":\"2030-01-01T00:00:00Z\",\"version\":1},\"signatures\":"
            + "[{\"keyid\":\"k\",\"method\":\"ecdsa\"}]}")) {
      assertThatThrownBy(() -> targets(bad)).as(bad)
          .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.MALFORMED));
    }
  }
}
