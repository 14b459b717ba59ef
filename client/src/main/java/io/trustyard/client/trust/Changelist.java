package io.trustyard.client.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.client.trust.TrustException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Pending changes of a repository, {@code tuf/<gun>/changelist/<20-digit nanos>_<uuid>.change}, in
 * the notary CLI's format (spec/notary.md §7.3): changes staged by {@code notary add} are
 * published by us, and the other way round. Applied in file-name order.
 */
public final class Changelist {

  /** One staged change; {@code data} is the JSON payload (a target's FileMeta, a delegation edit). */
  public record Change(String action, String role, String type, String path, Optional<byte[]> data) {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String TYPE_TARGET = "target";
    public static final String TYPE_DELEGATION = "delegation";
    public static final String TYPE_WITNESS = "witness";
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_CHANGE_BYTES = 1 << 20;

  private final Path dir;

  public Changelist(TrustDir trustDir, String gun) {
    this.dir = trustDir.changelistDir(gun);
  }

  public List<Change> list() {
    List<Change> changes = new ArrayList<>();
    for (Path file : files()) {
      try {
        byte[] bytes = SecureFiles.readBounded(file, MAX_CHANGE_BYTES).orElseThrow();
        JsonNode json = JSON.readTree(bytes);
        JsonNode data = json.path("data");
        changes.add(new Change(json.path("action").asText(), json.path("role").asText(), json.path("type").asText(),
            json.path("path").asText(""), data.isNull() || data.isMissingNode() ? Optional.empty()
                : Optional.of(Base64.getDecoder().decode(data.asText()))));
      } catch (IOException | IllegalArgumentException e) {
        throw new TrustException(Kind.STORAGE, "cannot read the staged change " + file + ": " + e.getMessage(), e);
      }
    }
    return changes;
  }

  /**
   * Nanoseconds since the epoch, as notary names its changes, but always after every change already
   * staged here: two changes staged within one clock tick (or behind a clock that stepped back)
   * must still apply in the order they were made.
   */
  private long nextStamp() {
    Instant now = Instant.now();
    long stamp = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    List<Path> staged = files();
    if (!staged.isEmpty()) {
      String last = staged.get(staged.size() - 1).getFileName().toString();
      try {
        stamp = Math.max(stamp, Long.parseLong(last.substring(0, Math.max(0, last.indexOf('_')))) + 1);
      } catch (NumberFormatException e) {
        // Not named by time: nothing to order after.
      }
    }
    return stamp;
  }

  /** Stages a change, named after the time so that changes apply in the order they were made. */
  public void add(Change change) {
    ObjectNode json = JSON.createObjectNode();
    json.put("action", change.action());
    json.put("role", change.role());
    json.put("type", change.type());
    json.put("path", change.path());
    if (change.data().isPresent()) {
      json.put("data", Base64.getEncoder().encodeToString(change.data().get()));
    } else {
      json.putNull("data");
    }
    String name = String.format("%020d_%s.change", nextStamp(), UUID.randomUUID());
    try {
      SecureFiles.writeAtomically(dir.resolve(name), json.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot stage a change in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Drops the changes at these positions of {@link #list()}; positions past the end are ignored, as notary does. */
  public void remove(java.util.Set<Integer> indices) {
    List<Path> files = files();
    for (int i = 0; i < files.size(); i++) {
      if (indices.contains(i)) {
        try {
          Files.deleteIfExists(files.get(i));
        } catch (IOException e) {
          throw new TrustException(Kind.STORAGE, "cannot remove the staged change " + files.get(i) + ": "
              + e.getMessage(), e);
        }
      }
    }
  }

  /** Drops every staged change (after a successful publish). */
  public void clear() {
    for (Path file : files()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new TrustException(Kind.STORAGE, "cannot remove the staged change " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private List<Path> files() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".change")).sorted().toList();
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot list staged changes in " + dir + ": " + e.getMessage(), e);
    }
  }
}
