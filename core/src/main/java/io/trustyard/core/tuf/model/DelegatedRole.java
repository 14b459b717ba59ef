package io.trustyard.core.tuf.model;

import java.util.List;
import java.util.Objects;

/**
 * An entry of {@code delegations.roles}: a delegated role's name, keys, threshold and the target
 * name prefixes it may sign for ({@code ""} = all; an empty list is written by omitting
 * {@code paths} and allows nothing).
 */
public record DelegatedRole(String name, List<String> keyIds, int threshold, List<String> paths,
    UnknownFields unknown) {
  public DelegatedRole {
    Objects.requireNonNull(name, "name");
    keyIds = List.copyOf(keyIds);
    paths = List.copyOf(paths);
    Objects.requireNonNull(unknown, "unknown");
  }

  public DelegatedRole(String name, List<String> keyIds, int threshold, List<String> paths) {
    this(name, keyIds, threshold, paths, UnknownFields.NONE);
  }

  /** Whether {@code target} starts with one of this role's path prefixes. */
  public boolean allows(String target) {
    return paths.stream().anyMatch(target::startsWith);
  }
}
