package io.trustyard.core.tuf.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.core.tuf.NotaryVectors;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.model.FileMeta;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Go notary vectors verify as one chain with the crypto package. */
class VectorChainTest {
  private static final byte[] HELLO = NotaryVectors.resource("/vectors/notary/hello.txt");

  private static TrustedSet vectors(Instant now) {
    return TrustedSet.verifyAll(NotaryVectors.GUN, now, NotaryVectors.metadata("root"),
        NotaryVectors.metadata("timestamp"), NotaryVectors.metadata("snapshot"),
        NotaryVectors.metadata("targets"), Map.of("targets/releases", NotaryVectors.metadata("targets/releases")));
  }

  @Test
  void theWholeRepositoryVerifies() {
    TrustedSet set = vectors(NotaryVectors.NOW);
    assertThat(set.versions()).containsEntry("root", 1L).containsEntry("timestamp", 3L)
        .containsEntry("snapshot", 4L).containsEntry("targets", 3L).containsEntry("targets/releases", 1L);
    TargetMatch v1 = set.findTarget("v1").orElseThrow();
    assertThat(v1.role()).isEqualTo("targets");
    assertThat(v1.meta().matches(HELLO)).isTrue();
    TargetMatch r1 = set.findTarget("r1").orElseThrow();
    assertThat(r1.role()).isEqualTo("targets/releases");
    assertThat(r1.meta().matches(HELLO)).isTrue();
    assertThat(set.findTarget("nope")).isEmpty();
    assertThat(set.targets("targets/releases").orElseThrow().paths()).containsExactly("");
    // Every verified file re-serialises to the bytes it was verified from.
    set.allTargets().forEach(t -> assertThat(MetadataWriter.encode(t.metadata().metadata()))
        .isEqualTo(t.metadata().raw()));
    assertThat(MetadataWriter.encode(set.snapshot().orElseThrow().metadata()))
        .isEqualTo(NotaryVectors.metadata("snapshot"));
  }

  @Test
  void snapshotAndTimestampHashesMatchTheRawFiles() {
    TrustedSet set = vectors(NotaryVectors.NOW);
    FileMeta snapshotMeta = set.timestamp().orElseThrow().signed().snapshot().orElseThrow();
    assertThat(snapshotMeta.length()).isEqualTo(NotaryVectors.metadata("snapshot").length);
    assertThat(snapshotMeta.matches(NotaryVectors.metadata("snapshot"))).isTrue();
    Map<String, FileMeta> meta = set.snapshot().orElseThrow().signed().meta();
    assertThat(meta).containsOnlyKeys("root", "targets", "targets/releases");
    meta.forEach((role, m) -> assertThat(m.matches(NotaryVectors.metadata(role))).as(role).isTrue());
  }

  @Test
  void afterTheTimestampExpiresTheChainIsRefusedAsExpired() {
    assertThatThrownBy(() -> vectors(Instant.parse("2026-12-06T00:00:00Z")))
        .isInstanceOfSatisfying(TufException.class, e -> {
          assertThat(e.error()).isEqualTo(TufError.EXPIRED);
          assertThat(e.role()).isEqualTo("timestamp");
        });
  }

  @Test
  void theRootCertificateIsCheckedAgainstTheGun() {
    assertThatThrownBy(() -> TrustedSet.bootstrap("example.com/other/repo", NotaryVectors.metadata("root"),
        NotaryVectors.NOW))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.CERT_CN_MISMATCH));
  }

  @Test
  void rolesCannotBeLoadedOutOfOrder() {
    TrustedSet root = TrustedSet.bootstrap(NotaryVectors.GUN, NotaryVectors.metadata("root"), NotaryVectors.NOW);
    assertThatThrownBy(() -> root.withSnapshot(NotaryVectors.metadata("snapshot")))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.MISSING_PREREQUISITE));
    TrustedSet timestamped = root.withTimestamp(NotaryVectors.metadata("timestamp"));
    assertThatThrownBy(() -> timestamped.withTargets(NotaryVectors.metadata("targets")))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.MISSING_PREREQUISITE));
    // A snapshot offered where the targets belong fails on its hashes before anything else.
    TrustedSet snapshotted = timestamped.withSnapshot(NotaryVectors.metadata("snapshot"));
    assertThatThrownBy(() -> snapshotted.withTargets(NotaryVectors.metadata("snapshot")))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.LENGTH_MISMATCH));
  }
}
