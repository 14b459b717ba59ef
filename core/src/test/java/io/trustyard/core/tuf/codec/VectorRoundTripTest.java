package io.trustyard.core.tuf.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.json.CanonicalJson;
import io.trustyard.core.json.Json;
import io.trustyard.core.tuf.NotaryVectors;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every metadata file written by the Go notary parses and re-serialises byte for byte. */
class VectorRoundTripTest {

  @ParameterizedTest
  @ValueSource(strings = {"root", "targets", "snapshot", "timestamp", "targets/releases"})
  void reserialisesByteForByte(String role) {
    byte[] raw = NotaryVectors.metadata(role);
    Parsed<?> parsed = switch (role) {
      case "root" -> MetadataReader.root(raw, MetadataLimits.MAX_DOWNLOAD_SIZE);
      case "snapshot" -> MetadataReader.snapshot(raw, MetadataLimits.MAX_DOWNLOAD_SIZE);
      case "timestamp" -> MetadataReader.timestamp(raw, MetadataLimits.MAX_TIMESTAMP_SIZE);
      default -> MetadataReader.targets(role, raw, MetadataLimits.MAX_DOWNLOAD_SIZE);
    };
    assertThat(MetadataWriter.encode(parsed.metadata())).isEqualTo(raw);
    // The typed canonical bytes equal the canonical re-encoding of the file's generic tree.
    assertThat(MetadataWriter.canonical(parsed.signed())).isEqualTo(parsed.signedBytes());
    assertThat(parsed.signedBytes())
        .isEqualTo(CanonicalJson.encode(Json.parse(raw, raw.length).get("signed")));
  }

  @Test
  void modelHoldsWhatTheFilesSay() {
    RootMetadata root = MetadataReader.root(NotaryVectors.metadata("root"), 1 << 20).signed();
    assertThat(root.version()).isEqualTo(1);
    assertThat(root.roles().keySet()).containsExactlyInAnyOrder("root", "targets", "snapshot", "timestamp");
    assertThat(root.roleKeys("root")).singleElement()
        .satisfies(k -> assertThat(k.keyType()).isEqualTo("ecdsa-x509"))
        .satisfies(k -> assertThat(k.id()).startsWith("818b2e4c"));
    TargetsMetadata targets = MetadataReader.targets("targets", NotaryVectors.metadata("targets"), 1 << 20).signed();
    assertThat(targets.version()).isEqualTo(3);
    assertThat(targets.delegations().roles()).singleElement()
        .satisfies(r -> assertThat(r.name()).isEqualTo("targets/releases"))
        .satisfies(r -> assertThat(r.paths()).isEqualTo(List.of("")));
    assertThat(targets.targets().get("v1").length()).isEqualTo(6);
    assertThat(targets.targets().get("v1").matches(NotaryVectors.resource("/vectors/notary/hello.txt"))).isTrue();
    SnapshotMetadata snapshot = MetadataReader.snapshot(NotaryVectors.metadata("snapshot"), 1 << 20).signed();
    TimestampMetadata timestamp = MetadataReader.timestamp(NotaryVectors.metadata("timestamp"), 1 << 20).signed();
    assertThat(timestamp.expires().toString()).isEqualTo("2026-12-05T23:45:59.268306755Z");
    FileMeta snapshotMeta = timestamp.snapshot().orElseThrow();
    assertThat(snapshotMeta.matches(NotaryVectors.metadata("snapshot"))).isTrue();
    for (String role : List.of("root", "targets", "targets/releases")) {
      assertThat(snapshot.meta().get(role).matches(NotaryVectors.metadata(role))).as(role).isTrue();
    }
  }
}
