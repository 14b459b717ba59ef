package io.trustyard.core.tuf.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.json.CanonicalJson;
import io.trustyard.core.json.Json;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.Delegations;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.Signature;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.UnknownFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random metadata: write → read → write is the identity, and keys come out in UTF-8 order. */
class MetadataCodecPropertyTest {
  private static final int[] NAME_CHARS = {'a', 'z', 'A', '0', '/', '-', '.', ' ', '"', '\\', '<', '>', '&',
      0xe9, 0x2028, 0x2029, 0xfffd, 0x1f600, 0x4e2d};

  static LongStream seeds() {
    return LongStream.range(0, 100);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void targetsRoundTripByteForByte(long seed) {
    Random random = new Random(seed);
    Signed<TargetsMetadata> metadata = new Signed<>(randomTargets(random), randomSignatures(random));
    byte[] file = MetadataWriter.encode(metadata);
    Parsed<TargetsMetadata> parsed = MetadataReader.targets("targets", file, file.length);
    assertThat(parsed.signed()).isEqualTo(metadata.signed());
    assertThat(parsed.metadata().signatures()).isEqualTo(metadata.signatures());
    assertThat(MetadataWriter.encode(parsed.metadata())).isEqualTo(file);
    assertThat(parsed.signedBytes()).isEqualTo(MetadataWriter.canonical(metadata.signed()));
    assertSortedByUtf8(Json.parse(file, file.length).get("signed"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void snapshotsRoundTripByteForByte(long seed) {
    Random random = new Random(seed);
    Map<String, FileMeta> meta = new LinkedHashMap<>();
    for (int i = random.nextInt(5); i >= 0; i--) {
      meta.put(randomName(random), randomFileMeta(random));
    }
    Signed<SnapshotMetadata> metadata = new Signed<>(
        new SnapshotMetadata(1 + random.nextInt(1000), randomTime(random), meta, UnknownFields.NONE), List.of());
    byte[] file = MetadataWriter.encode(metadata);
    Parsed<SnapshotMetadata> parsed = MetadataReader.snapshot(file, file.length);
    assertThat(parsed.signed()).isEqualTo(metadata.signed());
    assertThat(MetadataWriter.encode(parsed.metadata())).isEqualTo(file);
  }

  private static void assertSortedByUtf8(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      for (int i = 1; i < names.size(); i++) {
        assertThat(CanonicalJson.compareKeys(names.get(i - 1), names.get(i))).isNegative();
      }
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      assertSortedByUtf8(it.next());
    }
  }

  private static TargetsMetadata randomTargets(Random random) {
    Map<String, FileMeta> targets = new LinkedHashMap<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      targets.put(randomName(random), randomFileMeta(random));
    }
    Map<String, TufPublicKey> keys = new LinkedHashMap<>();
    List<DelegatedRole> roles = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      byte[] publicBytes = new byte[32];
      random.nextBytes(publicBytes);
      TufPublicKey key = new TufPublicKey("ed25519", publicBytes);
      keys.put(key.id(), key);
      List<String> paths = new ArrayList<>();
      for (int p = random.nextInt(3); p > 0; p--) {
        paths.add(randomName(random));
      }
      roles.add(new DelegatedRole("targets/r" + i, List.of(key.id()), 1, paths));
    }
    UnknownFields unknown = random.nextInt(4) == 0
        ? new UnknownFields(Map.of("x-" + randomName(random), Json.nodes().numberNode(random.nextLong())))
        : UnknownFields.NONE;
    return new TargetsMetadata(1 + random.nextInt(1 << 20), randomTime(random), targets,
        new Delegations(keys, roles, UnknownFields.NONE), unknown);
  }

  private static FileMeta randomFileMeta(Random random) {
    byte[] content = new byte[random.nextInt(64)];
    random.nextBytes(content);
    FileMeta meta = random.nextBoolean() ? FileMeta.of(content) : FileMeta.sha256Only(content.length,
        FileMeta.of(content).hash(FileMeta.SHA256).orElseThrow());
    return random.nextInt(3) == 0
        ? meta.withCustom(Json.nodes().objectNode().put(randomName(random), random.nextInt())) : meta;
  }

  private static List<Signature> randomSignatures(Random random) {
    List<Signature> signatures = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      byte[] sig = new byte[64];
      random.nextBytes(sig);
      signatures.add(new Signature(Long.toHexString(random.nextLong()), random.nextBoolean() ? "ecdsa" : "eddsa", sig));
    }
    return signatures;
  }

  private static OffsetDateTime randomTime(Random random) {
    Instant instant = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1 << 30),
        random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
    int offsetMinutes = random.nextBoolean() ? 0 : (random.nextInt(27 * 60) - 12 * 60);
    return instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
  }

  private static String randomName(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1 + random.nextInt(8); i > 0; i--) {
      sb.appendCodePoint(NAME_CHARS[random.nextInt(NAME_CHARS.length)]);
    }
    return sb.toString();
  }
}
