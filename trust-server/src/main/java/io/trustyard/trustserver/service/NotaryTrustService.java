package io.trustyard.trustserver.service;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.json.Json;
import io.trustyard.core.notary.NotaryErrorCode;
import io.trustyard.core.notary.NotaryException;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.SignerKey;
import io.trustyard.trustserver.storage.MetadataStore;
import io.trustyard.trustserver.storage.MetadataUpdate;
import io.trustyard.trustserver.storage.StoredMetadata;
import io.trustyard.trustserver.storage.VersionConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The trust server's operations over a {@link MetadataStore} and the server-held {@link KeyService} of the signer. */
public final class NotaryTrustService implements TrustService {
  private static final Logger LOG = LoggerFactory.getLogger(NotaryTrustService.class);
  /** notary-server's name for a GUN column: longer names cannot be stored. */
  static final int MAX_GUN_BYTES = 255;

  private final MetadataStore store;
  private final KeyService keys;
  private final String keyAlgorithm;
  private final ServerSigning signing;
  private final UpdateValidator validator;
  private final FreshTimestamps timestamps;

  /**
   * @param keyAlgorithm the type of server keys to create ({@code ecdsa} or {@code ed25519}),
   *     notary's {@code trust_service.key_algorithm}
   */
  public NotaryTrustService(MetadataStore store, KeyService keys, String keyAlgorithm, Clock clock) {
    this.store = store;
    this.keys = keys;
    this.keyAlgorithm = keyAlgorithm;
    this.signing = new ServerSigning(keys);
    this.validator = new UpdateValidator(signing, clock);
    this.timestamps = new FreshTimestamps(signing, clock);
  }

  @Override
  public MetadataFile current(String gun, String role) {
    Repository repo = new Repository(store, gun);
    if (role.equals(RoleNames.TIMESTAMP) || role.equals(RoleNames.SNAPSHOT)) {
      return timestamps.current(repo, role);
    }
    return served(repo.current(role));
  }

  @Override
  public MetadataFile byVersion(String gun, String role, int version) {
    return served(store.byVersion(gun, role, version));
  }

  @Override
  public MetadataFile byChecksum(String gun, String role, String checksumHex) {
    // Only SHA-256 is stored; longer checksums match the route but never a file, as in notary.
    return served(checksumHex.length() == 64 ? store.byChecksum(gun, role, checksumHex) : Optional.empty());
  }

  private static MetadataFile served(Optional<StoredMetadata> file) {
    StoredMetadata f = file.orElseThrow(NotaryTrustService::notFound);
    return new MetadataFile(f.data(), f.updatedAt());
  }

  private static NotaryException notFound() {
    return new NotaryException(NotaryErrorCode.METADATA_NOT_FOUND, Json.nodes().objectNode());
  }

  @Override
  public void update(String gun, List<UploadedFile> files) {
    if (gun.getBytes(StandardCharsets.UTF_8).length > MAX_GUN_BYTES) {
      throw new NotaryException(NotaryErrorCode.INVALID_GUN, null, "GUN longer than " + MAX_GUN_BYTES + " bytes");
    }
    for (UploadedFile f : files) {
      UploadShape.check(f, MetadataLimits.MAX_DOWNLOAD_SIZE);
    }
    List<MetadataUpdate> updates = validator.validate(new Repository(store, gun), files);
    try {
      store.updateMany(gun, updates);
    } catch (VersionConflictException e) {
      throw new NotaryException(NotaryErrorCode.VERSION, Json.nodes().objectNode(), e.getMessage());
    }
    LOG.info("updated {}: {}", gun, updates.stream().map(u -> u.role() + " v" + u.version()).toList());
  }

  @Override
  public byte[] key(String gun, String role) {
    checkKeyRole(role);
    Optional<TufPublicKey> held = new Repository(store, gun).currentIfListed(RoleNames.ROOT)
        .map(Repository::parseRoot)
        .flatMap(root -> signing.heldKey(root.signed(), role));
    return held.map(KeyJson::of).orElseGet(() -> KeyJson.of(create(gun, role)));
  }

  @Override
  public byte[] rotateKey(String gun, String role) {
    checkKeyRole(role);
    return KeyJson.of(create(gun, role));
  }

  private SignerKey create(String gun, String role) {
    try {
      return keys.createKey(keyAlgorithm, gun, role);
    } catch (RuntimeException e) {
      throw new NotaryException(NotaryErrorCode.UNKNOWN, null, "creating a " + role + " key failed: " + e.getMessage());
    }
  }

  private static void checkKeyRole(String role) {
    if (!role.equals(RoleNames.TIMESTAMP) && !role.equals(RoleNames.SNAPSHOT)) {
      throw new NotaryException(NotaryErrorCode.INVALID_ROLE, null, role);
    }
  }

  @Override
  public void delete(String gun) {
    store.delete(gun);
    LOG.info("deleted {}", gun);
  }

  @Override
  public byte[] changefeed(String gun, String records, String changeId) {
    return ChangefeedJson.page(store.changes(ChangefeedJson.query(gun, records, changeId)));
  }

  @Override
  public Map<String, String> failingChecks() {
    Map<String, String> failing = new LinkedHashMap<>();
    try {
      store.latest("", RoleNames.ROOT);
    } catch (RuntimeException e) {
      failing.put("DB operational", String.valueOf(e.getMessage()));
    }
    try {
      if (!keys.healthy()) {
        failing.put("Trust operational", "the signer is not serving");
      }
    } catch (RuntimeException e) {
      failing.put("Trust operational", String.valueOf(e.getMessage()));
    }
    return failing;
  }
}
