package io.trustyard.client.notary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.client.trust.MetadataCache;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.client.trust.TrustPinning;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.edit.InMemorySigner;
import io.trustyard.core.tuf.edit.Repository;
import io.trustyard.core.tuf.edit.RepositoryEditor;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The §7.6 update against a fake server: first use, pinning, rotation chain, rollback, freeze, limits, offline. */
class TufUpdaterTest {
  static final String GUN = "registry.example.com/team/app";
  static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;
  FakeNotaryServer server;
  final List<String> warnings = new ArrayList<>();

  final TufPrivateKey rootKey = TufKeys.generate(KeyType.ECDSA, RANDOM);
  final TufPublicKey rootCert = cert(rootKey);
  final TufPrivateKey targetsKey = TufKeys.generate(KeyType.ECDSA, RANDOM);
  final TufPrivateKey snapshotKey = TufKeys.generate(KeyType.ECDSA, RANDOM);
  final TufPrivateKey timestampKey = TufKeys.generate(KeyType.ECDSA, RANDOM);
  final List<TufPrivateKey> held = new ArrayList<>(List.of(rootKey, targetsKey, snapshotKey, timestampKey));

  @BeforeEach
  void start() throws Exception {
    server = new FakeNotaryServer(GUN);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static TufPublicKey cert(TufPrivateKey key) {
    return RootCertificates.toX509Key(RootCertificates.create(key, GUN, NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(3650)), RANDOM));
  }

  RepositoryEditor editor(Instant at) {
    return new RepositoryEditor(new InMemorySigner(held), at);
  }

  Repository initial() {
    return editor(NOW).initialize(GUN, List.of(rootCert), targetsKey.publicKey(), snapshotKey.publicKey(),
        timestampKey.publicKey());
  }

  Repository withTarget(Repository base, String name, String content) {
    return editor(NOW).edit(base).addTarget(RoleNames.TARGETS, name,
        FileMeta.of(content.getBytes(StandardCharsets.UTF_8))).publish();
  }

  TufUpdater updater(Path trustDir, Instant at, TrustPinning pinning) {
    NotaryClient client = new NotaryClient(server.uri(), NotaryClient.httpClient(null), GUN,
        NotaryClient.Access.PULL, Optional.empty());
    return new TufUpdater(client, new MetadataCache(new TrustDir(trustDir)), pinning,
        Clock.fixed(at, ZoneOffset.UTC), warnings::add);
  }

  TufUpdater updater() {
    return updater(dir.resolve("trust"), NOW, TrustPinning.TOFU);
  }

  static Kind kindOf(Throwable t) {
    return ((TrustException) t).kind();
  }

  @Test
  void firstUseVerifiesCachesAndFindsTheSignedTarget() throws Exception {
    Repository repo = withTarget(initial(), "v1", "hello");
    server.publish(repo);

    TrustedSet set = updater().update(false);

    assertThat(set.findTarget("v1")).hasValueSatisfying(m -> assertThat(m.meta().length()).isEqualTo(5));
    Path cached = dir.resolve("trust/tuf/" + GUN + "/metadata");
    assertThat(Files.readAllBytes(cached.resolve("root.json"))).isEqualTo(repo.file(RoleNames.ROOT).orElseThrow());
    assertThat(cached.resolve("timestamp.json")).exists();
    assertThat(server.requests).anyMatch(r -> r.matches("GET .*/targets\\.[0-9a-f]{64}\\.json"));
  }

  @Test
  void anUnknownRepositorySaysTheServerHasNoTrustData() {
    assertThatThrownBy(() -> updater().update(false))
        .isInstanceOf(TrustException.class)
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.REPOSITORY_NOT_FOUND))
        .hasMessage(server.uri().getRawAuthority() + " does not have trust data for " + GUN);
  }

  @Test
  void aRolledBackTimestampIsRefused() {
    Repository v1 = withTarget(initial(), "v1", "one");
    Repository v2 = withTarget(v1, "v1", "two");
    server.publish(v2);
    updater().update(false);
    server.put(RoleNames.TIMESTAMP, v1.file(RoleNames.TIMESTAMP).orElseThrow());

    assertThatThrownBy(() -> updater().update(false))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.ROLLBACK))
        .hasMessageContaining("timestamp").hasMessageContaining("rollback");
  }

  @Test
  void aFreshTimestampOverARolledBackSnapshotIsRefused() {
    Repository v1 = withTarget(initial(), "v1", "one");
    Repository v2 = withTarget(v1, "v1", "two");
    server.publish(v2);
    updater().update(false);
    byte[] oldSnapshot = v1.file(RoleNames.SNAPSHOT).orElseThrow();
    Signed<?> replay = editor(NOW).nextTimestamp(v2.root().signed(), v2.timestamp().map(Signed::signed), oldSnapshot);
    server.put(RoleNames.SNAPSHOT, oldSnapshot);
    server.put(RoleNames.TIMESTAMP, MetadataWriter.encode(replay));

    assertThatThrownBy(() -> updater().update(false))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.ROLLBACK))
        .hasMessageContaining("snapshot");
  }

  @Test
  void expiredMetadataIsRefused() {
    server.publish(withTarget(initial(), "v1", "one"));
    Instant later = NOW.plus(Duration.ofDays(15));

    assertThatThrownBy(() -> updater(dir.resolve("trust"), later, TrustPinning.TOFU).update(false))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.EXPIRED))
        .hasMessageContaining("timestamp").hasMessageContaining("expired");
  }

  @Test
  void aRootRotatedTwiceIsFollowedThroughTheVersionedRoots() {
    Repository v1 = withTarget(initial(), "v1", "one");
    server.publish(v1);
    updater().update(false);

    TufPrivateKey second = TufKeys.generate(KeyType.ECDSA, RANDOM);
    TufPrivateKey third = TufKeys.generate(KeyType.ECDSA, RANDOM);
    held.add(second);
    Repository v2 = editor(NOW).edit(v1).rotateKeys(RoleNames.ROOT, List.of(cert(second)), 1).publish();
    held.remove(rootKey);
    held.add(third);
    Repository v3 = editor(NOW).edit(v2).rotateKeys(RoleNames.ROOT, List.of(cert(third)), 1)
        .addTarget(RoleNames.TARGETS, "v3", FileMeta.of(new byte[] {3})).publish();
    server.rootsByVersion.put(2L, v2.file(RoleNames.ROOT).orElseThrow());
    server.publish(v3);

    TrustedSet set = updater().update(false);

    assertThat(set.root().signed().version()).isEqualTo(3);
    assertThat(set.findTarget("v3")).isPresent();
    assertThat(server.requests).anyMatch(r -> r.endsWith("/2.root.json"));
  }

  @Test
  void aRootNotSignedByTheTrustedRootIsRefused() {
    server.publish(withTarget(initial(), "v1", "one"));
    updater().update(false);
    // Someone else's repository under the same name: new keys everywhere.
    held.clear();
    TufPrivateKey evilRoot = TufKeys.generate(KeyType.ECDSA, RANDOM);
    TufPrivateKey evilTargets = TufKeys.generate(KeyType.ECDSA, RANDOM);
    held.addAll(List.of(evilRoot, evilTargets, snapshotKey, timestampKey));
    Repository evil = editor(NOW).initialize(GUN, List.of(cert(evilRoot)), evilTargets.publicKey(),
        snapshotKey.publicKey(), timestampKey.publicKey());
    Repository evil2 = editor(NOW).edit(evil).resign(RoleNames.ROOT).resign(RoleNames.TARGETS).publish();
    server.publish(editor(NOW).edit(evil2).resign(RoleNames.ROOT).resign(RoleNames.TARGETS).publish());

    assertThatThrownBy(() -> updater().update(true))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.VERIFICATION))
        .hasMessageContaining("root");
  }

  @Test
  void metadataOverTheSizeLimitIsRefused() {
    server.publish(withTarget(initial(), "v1", "one"));
    server.put(RoleNames.TIMESTAMP, new byte[(1 << 20) + 1]);

    assertThatThrownBy(() -> updater().update(false))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.VERIFICATION))
        .hasMessageContaining("limit");
  }

  @Test
  void tamperedTargetsFailTheSnapshotHash() {
    Repository repo = withTarget(initial(), "v1", "one");
    server.publish(repo);
    byte[] targets = repo.file(RoleNames.TARGETS).orElseThrow();
    byte[] tampered = new String(targets, StandardCharsets.UTF_8).replace("\"v1\"", "\"v9\"")
        .getBytes(StandardCharsets.UTF_8);
    server.byChecksum.put("targets." + FakeNotaryServer.sha256(targets), tampered);

    assertThatThrownBy(() -> updater().update(false))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.VERIFICATION))
        .hasMessageContaining("targets");
  }

  @Test
  void offlineTheCacheIsUsedOnlyWhileItIsValid() {
    server.publish(withTarget(initial(), "v1", "one"));
    updater().update(false);
    server.close();

    TrustedSet offline = updater().update(false);
    assertThat(offline.findTarget("v1")).isPresent();
    assertThat(warnings).anyMatch(w -> w.contains("using the cached trust data"));

    assertThatThrownBy(() -> updater(dir.resolve("trust"), NOW.plus(Duration.ofDays(15)), TrustPinning.TOFU)
        .update(false)).satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.EXPIRED));
    assertThatThrownBy(() -> updater(dir.resolve("empty"), NOW, TrustPinning.TOFU).update(false))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.UNREACHABLE))
        .hasMessageContaining("could not reach the trust server");
  }

  @Test
  void pinnedCertificatesAndCasDecideTheFirstRoot() throws Exception {
    server.publish(withTarget(initial(), "v1", "one"));
    TrustPinning wrongId = new TrustPinning(Map.of(GUN, List.of("00".repeat(32))), Map.of(), false);
    assertThatThrownBy(() -> updater(dir.resolve("a"), NOW, wrongId).update(false))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.VERIFICATION))
        .hasMessageContaining("pinned");

    TrustPinning rightId = new TrustPinning(Map.of("registry.example.com/*", List.of(rootCert.id())), Map.of(), false);
    assertThat(updater(dir.resolve("b"), NOW, rightId).update(false).findTarget("v1")).isPresent();

    TrustPinning noTofu = new TrustPinning(Map.of(), Map.of(), true);
    assertThatThrownBy(() -> updater(dir.resolve("c"), NOW, noTofu).update(false))
        .hasMessageContaining("trust on first use is disabled");

    Path ownCa = dir.resolve("own.pem");
    Files.write(ownCa, rootCert.publicBytes());
    TrustPinning byCa = new TrustPinning(Map.of(), Map.of("registry.example.com/", ownCa), false);
    assertThat(updater(dir.resolve("d"), NOW, byCa).update(false).findTarget("v1")).isPresent();

    Path otherCa = dir.resolve("other.pem");
    Files.write(otherCa, cert(TufKeys.generate(KeyType.ECDSA, RANDOM)).publicBytes());
    TrustPinning byOtherCa = new TrustPinning(Map.of(), Map.of("registry.example.com/", otherCa), false);
    assertThatThrownBy(() -> updater(dir.resolve("e"), NOW, byOtherCa).update(false))
        .satisfies(e -> assertThat(kindOf(e)).isEqualTo(Kind.VERIFICATION))
        .hasMessageContaining("CA");
  }
}
