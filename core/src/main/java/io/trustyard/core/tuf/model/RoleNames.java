package io.trustyard.core.tuf.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Notary's role names (spec/notary.md §2.12). */
public final class RoleNames {
  public static final String ROOT = "root";
  public static final String TARGETS = "targets";
  public static final String SNAPSHOT = "snapshot";
  public static final String TIMESTAMP = "timestamp";
  public static final List<String> BASE_ROLES = List.of(ROOT, TARGETS, SNAPSHOT, TIMESTAMP);

  private static final Pattern DELEGATION_CHARS = Pattern.compile("[-a-z0-9_/]+");

  private RoleNames() {}

  public static boolean isBaseRole(String name) {
    return BASE_ROLES.contains(name);
  }

  /** {@code targets/...}, lowercase {@code [-a-z0-9_/]}, under 256 bytes, already clean. */
  public static boolean isDelegation(String name) {
    if (!name.startsWith(TARGETS + "/") || !DELEGATION_CHARS.matcher(name).matches()
        || name.getBytes(StandardCharsets.UTF_8).length >= 256) {
      return false;
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** {@code targets/a/b -> targets/a}; the parent of a first-level delegation is {@code targets}. */
  public static String parent(String delegation) {
    return delegation.substring(0, delegation.lastIndexOf('/'));
  }

  /** Whether {@code name} is a role that may hold targets (targets itself or a delegation). */
  public static boolean isTargetsRole(String name) {
    return name.equals(TARGETS) || isDelegation(name);
  }
}
