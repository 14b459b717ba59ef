package io.trustyard.core.tuf.verify;

import io.trustyard.core.tuf.codec.Parsed;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.TargetsMetadata;
import java.util.List;
import java.util.Optional;

/**
 * A verified targets role (top-level or delegation) with its effective path prefixes: its own
 * {@code paths} restricted to those under a prefix of its parent (spec/notary.md §2.3). Top-level
 * targets may sign any name ({@code [""]}).
 */
public record TrustedTargets(String role, Parsed<TargetsMetadata> metadata, List<String> paths) {
  public TrustedTargets {
    paths = List.copyOf(paths);
  }

  public boolean allows(String target) {
    return paths.stream().anyMatch(target::startsWith);
  }

  /** The target's entry when this role lists it and may sign for it. */
  public Optional<FileMeta> target(String name) {
    return allows(name) ? Optional.ofNullable(metadata.signed().targets().get(name)) : Optional.empty();
  }

  static List<String> restrict(List<String> parentPaths, List<String> childPaths) {
    return childPaths.stream().filter(p -> parentPaths.stream().anyMatch(p::startsWith)).toList();
  }
}
