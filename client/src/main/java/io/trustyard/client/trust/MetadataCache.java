package io.trustyard.client.trust;

import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The metadata cache of a trust dir, {@code tuf/<gun>/metadata/<role>.json}, shared with docker
 * and the notary CLI. Only verified metadata is written here; what is read back is verified again
 * before it is used.
 */
public final class MetadataCache {
  private final TrustDir dir;

  public MetadataCache(TrustDir dir) {
    this.dir = dir;
  }

  public TrustDir dir() {
    return dir;
  }

  public Optional<byte[]> read(String gun, String role) {
    Path file = file(gun, role);
    try {
      return SecureFiles.readBounded(file, MetadataLimits.defaultFor(role));
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot read cached trust data " + file + ": " + e.getMessage(), e);
    }
  }

  public void write(String gun, String role, byte[] bytes) {
    Path file = file(gun, role);
    try {
      SecureFiles.writeAtomically(file, bytes);
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot write cached trust data " + file + ": " + e.getMessage(), e);
    }
  }

  public void delete(String gun, String role) {
    try {
      Files.deleteIfExists(file(gun, role));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes every cached file of the repository. */
  public void clear(String gun) {
    Path metadata = dir.metadataDir(gun);
    if (!Files.isDirectory(metadata)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(metadata)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot clear cached trust data " + metadata + ": " + e.getMessage(), e);
    }
  }

  private Path file(String gun, String role) {
    if (!RoleNames.isBaseRole(role) && !RoleNames.isDelegation(role)) {
      throw new TrustException(Kind.INVALID, "invalid role name \"" + role + "\"");
    }
    return dir.metadataDir(gun).resolve(role + ".json");
  }
}
