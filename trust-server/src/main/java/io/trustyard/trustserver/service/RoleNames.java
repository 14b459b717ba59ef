package io.trustyard.trustserver.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** notary's role-name rules (spec §2.12): the four base roles and clean {@code targets/...} delegations. */
public final class RoleNames {
  public static final String ROOT = "root";
  public static final String TARGETS = "targets";
  public static final String SNAPSHOT = "snapshot";
  public static final String TIMESTAMP = "timestamp";
  public static final List<String> BASE = List.of(ROOT, TARGETS, SNAPSHOT, TIMESTAMP);
  private static final Pattern DELEGATION_CHARS = Pattern.compile("^[-a-z0-9_/]+$");

  private RoleNames() {}

  public static boolean isValid(String role) {
    return BASE.contains(role) || isDelegation(role);
  }

  public static boolean isDelegation(String role) {
    if (!role.startsWith("targets/") || !DELEGATION_CHARS.matcher(role).matches()) {
      return false;
    }
    if (role.getBytes(StandardCharsets.UTF_8).length >= 256 || role.endsWith("/")) {
      return false;
    }
    for (String segment : role.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** The parent role of a delegation ({@code targets/a/b} → {@code targets/a}). */
  public static String parent(String delegation) {
    return delegation.substring(0, delegation.lastIndexOf('/'));
  }
}
