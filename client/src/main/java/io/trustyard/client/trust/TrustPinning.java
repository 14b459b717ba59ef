package io.trustyard.client.trust;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code trust_pinning} section of the notary client config (spec/notary.md §6.3, §7.7),
 * applied to a root that no cached root vouches for: pinned certificate key IDs per GUN (exact, or
 * a prefix ending in {@code *}), else a CA bundle per GUN prefix, else trust on first use unless
 * {@code disableTofu}.
 */
public record TrustPinning(Map<String, List<String>> certs, Map<String, Path> ca, boolean disableTofu) {
  public static final TrustPinning TOFU = new TrustPinning(Map.of(), Map.of(), false);

  public TrustPinning {
    certs = Map.copyOf(certs);
    ca = Map.copyOf(ca);
  }

  /** The pinned key IDs for {@code gun}: an exact entry, else the longest matching wildcard. */
  public Optional<List<String>> certsFor(String gun) {
    List<String> exact = certs.get(gun);
    if (exact != null) {
      return Optional.of(exact);
    }
    String best = null;
    for (String pattern : certs.keySet()) {
      if (pattern.endsWith("*") && gun.startsWith(pattern.substring(0, pattern.length() - 1))
          && (best == null || pattern.length() > best.length())) {
        best = pattern;
      }
    }
    return Optional.ofNullable(best).map(certs::get);
  }

  /** The CA bundle of the longest GUN prefix that matches. */
  public Optional<Path> caFor(String gun) {
    String best = null;
    for (String prefix : ca.keySet()) {
      if (gun.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return Optional.ofNullable(best).map(ca::get);
  }
}
