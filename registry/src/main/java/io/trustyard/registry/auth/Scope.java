package io.trustyard.registry.auth;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A resource scope {@code type:name:action[,action]}, e.g. {@code repository:library/app:pull,push}.
 */
public record Scope(String type, String name, Set<String> actions) {
  public Scope {
    actions = Set.copyOf(new LinkedHashSet<>(actions));
  }

  public static Scope repository(String name, String... actions) {
    return new Scope("repository", name, new LinkedHashSet<>(java.util.List.of(actions)));
  }

  /**
   * Parses one scope. The name may contain {@code :} (a registry host with a port), so the type
   * ends at the first colon and the actions start after the last one.
   */
  public static Scope parse(String text) {
    int first = text.indexOf(':');
    int last = text.lastIndexOf(':');
    if (first <= 0 || last == first) {
      throw new IllegalArgumentException("scope '" + text + "' is not type:name:actions");
    }
    String type = text.substring(0, first);
    int paren = type.indexOf('(');
    if (paren > 0) {
      type = type.substring(0, paren);
    }
    Set<String> actions = new LinkedHashSet<>();
    for (String a : text.substring(last + 1).split(",")) {
      if (!a.isEmpty()) {
        actions.add(a);
      }
    }
    return new Scope(type, text.substring(first + 1, last), actions);
  }

  @Override
  public String toString() {
    return type + ":" + name + ":" + String.join(",", actions.stream().sorted().toList());
  }
}
