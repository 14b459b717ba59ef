package io.trustyard.trustserver.storage;

import java.util.List;
import java.util.Optional;

/**
 * Storage of TUF metadata files per GUN and role, with the changefeed. Implementations must make
 * {@link #updateMany} atomic and serialisable per GUN: of two concurrent updates writing the same
 * role version (every update writes a new timestamp), one commits and the other gets {@link
 * VersionConflictException} without having changed anything.
 */
public interface MetadataStore {

  /** The highest stored version of the role. */
  Optional<StoredMetadata> latest(String gun, String role);

  Optional<StoredMetadata> byVersion(String gun, String role, int version);

  /** Lookup by the lowercase hex SHA-256 of the file's bytes. */
  Optional<StoredMetadata> byChecksum(String gun, String role, String sha256Hex);

  /**
   * Stores all files or none. Fails with {@link VersionConflictException} when any file's version
   * is not greater than every stored version of its role, or two files share role and version.
   * Each timestamp stored appends an {@code update} change.
   */
  void updateMany(String gun, List<MetadataUpdate> updates) throws VersionConflictException;

  /** Removes every version of every role of the GUN; records a {@code deletion} change if any existed. */
  void delete(String gun);

  List<Change> changes(ChangeQuery query);
}
