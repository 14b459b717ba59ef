package io.trustyard.trustserver.testing;

import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.model.Delegations;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleKeys;
import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.Signature;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.UnknownFields;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A client-side repository for tests: keys, and Go-format signed root, targets and snapshot files. */
public final class TestRepo {
  private static final SecureRandom RANDOM = new SecureRandom();

  public final String gun;
  public final TufPrivateKey rootKey;
  public final TufPublicKey rootCertKey;
  public final TufPrivateKey targetsKey = TufKeys.generate(KeyType.ECDSA, RANDOM);
  public final TufPrivateKey snapshotKey = TufKeys.generate(KeyType.ECDSA, RANDOM);
  public final TufPublicKey timestampKey;
  public TufPublicKey snapshotRoleKey;

  public TestRepo(String gun, TufPublicKey timestampKey) {
    this(gun, gun, timestampKey);
  }

  /** {@code certGun} names the root certificate's CN (a different one makes the root invalid for {@code gun}). */
  public TestRepo(String gun, String certGun, TufPublicKey timestampKey) {
    this.gun = gun;
    this.rootKey = TufKeys.generate(KeyType.ECDSA, RANDOM);
    Instant now = Instant.now();
    this.rootCertKey = RootCertificates.toX509Key(
        RootCertificates.create(rootKey, certGun, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)), RANDOM));
    this.timestampKey = timestampKey;
    this.snapshotRoleKey = snapshotKey.publicKey();
  }

  public static OffsetDateTime in(Duration d) {
    return OffsetDateTime.ofInstant(Instant.now().plus(d), ZoneOffset.UTC);
  }

  public byte[] root(long version) {
    Map<String, TufPublicKey> keys = new LinkedHashMap<>();
    keys.put(rootCertKey.id(), rootCertKey);
    keys.put(targetsKey.id(), targetsKey.publicKey());
    keys.put(snapshotRoleKey.id(), snapshotRoleKey);
    keys.put(timestampKey.id(), timestampKey);
    Map<String, RoleKeys> roles = new LinkedHashMap<>();
    roles.put("root", new RoleKeys(List.of(rootCertKey.id()), 1));
    roles.put("targets", new RoleKeys(List.of(targetsKey.id()), 1));
    roles.put("snapshot", new RoleKeys(List.of(snapshotRoleKey.id()), 1));
    roles.put("timestamp", new RoleKeys(List.of(timestampKey.id()), 1));
    RootMetadata body = new RootMetadata(version, in(Duration.ofDays(3650)), false, keys, roles, UnknownFields.NONE);
    return sign(body, rootKey, rootCertKey.id());
  }

  public byte[] targets(long version, Map<String, FileMeta> targets) {
    return targets(version, targets, targetsKey, in(Duration.ofDays(1095)));
  }

  public byte[] targets(long version, Map<String, FileMeta> targets, TufPrivateKey signer, OffsetDateTime expires) {
    TargetsMetadata body = new TargetsMetadata(version, expires, targets, Delegations.EMPTY, UnknownFields.NONE);
    return sign(body, signer, signer.id());
  }

  public byte[] snapshot(long version, byte[] root, byte[] targets) {
    SnapshotMetadata body = new SnapshotMetadata(version, in(Duration.ofDays(1095)),
        Map.of("root", FileMeta.of(root), "targets", FileMeta.of(targets)), UnknownFields.NONE);
    return sign(body, snapshotKey, snapshotKey.id());
  }

  public static byte[] sign(RoleMetadata body, TufPrivateKey key, String keyId) {
    byte[] sig = TufSignatures.sign(key, MetadataWriter.canonical(body));
    return MetadataWriter.encode(new Signed<>(body, List.of(new Signature(keyId, key.signatureMethod(), sig))));
  }
}
