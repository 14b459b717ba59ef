package io.trustyard.trustserver.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A {@link MetadataStore} in memory, for tests and throwaway servers; one lock for everything. */
public final class InMemoryMetadataStore implements MetadataStore {
  private final Clock clock;
  private final List<StoredMetadata> files = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private long nextChangeId = 1;

  public InMemoryMetadataStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<StoredMetadata> latest(String gun, String role) {
    return files.stream()
        .filter(f -> f.gun().equals(gun) && f.role().equals(role))
        .max(Comparator.comparingInt(StoredMetadata::version));
  }

  @Override
  public synchronized Optional<StoredMetadata> byVersion(String gun, String role, int version) {
    return files.stream()
        .filter(f -> f.gun().equals(gun) && f.role().equals(role) && f.version() == version)
        .findFirst();
  }

  @Override
  public synchronized Optional<StoredMetadata> byChecksum(String gun, String role, String sha256Hex) {
    return files.stream()
        .filter(f -> f.gun().equals(gun) && f.role().equals(role) && f.sha256().equals(sha256Hex))
        .max(Comparator.comparingInt(StoredMetadata::version));
  }

  @Override
  public synchronized void updateMany(String gun, List<MetadataUpdate> updates) throws VersionConflictException {
    Set<String> seen = new HashSet<>();
    for (MetadataUpdate u : updates) {
      if (!seen.add(u.role() + "\0" + u.version())) {
        throw new VersionConflictException("two updates for " + u.role() + " version " + u.version());
      }
      Optional<StoredMetadata> current = latest(gun, u.role());
      if (current.isPresent() && current.get().version() >= u.version()) {
        throw new VersionConflictException(
            u.role() + " version " + u.version() + " is not newer than stored " + current.get().version());
      }
    }
    Instant now = clock.instant();
    for (MetadataUpdate u : updates) {
      byte[] data = u.data();
      String sha = Sha256.hex(data);
      files.add(new StoredMetadata(gun, u.role(), u.version(), data, sha, now, now));
      if (u.role().equals("timestamp")) {
        changes.add(new Change(nextChangeId++, now, gun, u.version(), sha, Change.UPDATE));
      }
    }
  }

  @Override
  public synchronized void delete(String gun) {
    if (files.removeIf(f -> f.gun().equals(gun))) {
      changes.add(new Change(nextChangeId++, clock.instant(), gun, 0, "", Change.DELETION));
    }
  }

  @Override
  public synchronized List<Change> changes(ChangeQuery q) {
    List<Change> matching = changes.stream().filter(c -> q.gun() == null || c.gun().equals(q.gun())).toList();
    if (!q.reverse()) {
      return matching.stream().filter(c -> c.id() > q.changeId()).limit(q.limit()).toList();
    }
    List<Change> below =
        matching.stream().filter(c -> q.changeId() <= 0 || c.id() < q.changeId()).toList();
    return below.subList(Math.max(0, below.size() - q.limit()), below.size());
  }
}
