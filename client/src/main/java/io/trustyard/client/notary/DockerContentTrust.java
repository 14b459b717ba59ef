package io.trustyard.client.notary;

import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.oci.Reference;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Docker's content-trust settings from the environment (spec/notary.md §8.1, §8.2, §8.4). */
public final class DockerContentTrust {
  private static final Set<String> FALSE = Set.of("0", "f", "false");
  private static final Set<String> TRUE = Set.of("1", "t", "true");

  private DockerContentTrust() {}

  /**
   * {@code DOCKER_CONTENT_TRUST}: unset or empty is off, a false boolean ({@code 0}, {@code f},
   * {@code false}, any case) is off, anything else (even a non-boolean) is on, as in docker.
   */
  public static boolean enabled(Map<String, String> env) {
    String value = env.get("DOCKER_CONTENT_TRUST");
    if (value == null || value.isEmpty()) {
      return false;
    }
    String v = value.toLowerCase(Locale.ROOT);
    return TRUE.contains(v) || !FALSE.contains(v);
  }

  /**
   * The trust server for images of {@code registryHost}: {@code DOCKER_CONTENT_TRUST_SERVER} (must
   * be https), else {@code https://notary.docker.io} for Docker Hub, else {@code https://<registry>}.
   */
  public static URI server(Map<String, String> env, String registryHost) {
    String configured = env.get("DOCKER_CONTENT_TRUST_SERVER");
    if (configured != null && !configured.isEmpty()) {
      URI uri;
      try {
        uri = URI.create(configured);
      } catch (IllegalArgumentException e) {
        throw new TrustException(Kind.INVALID, "DOCKER_CONTENT_TRUST_SERVER is not a URL: " + configured);
      }
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new TrustException(Kind.INVALID, "valid https URL required for trust server, got " + configured);
      }
      return uri;
    }
    if (registryHost.equals(Reference.DOCKER_HUB)) {
      return URI.create("https://notary.docker.io");
    }
    return URI.create("https://" + registryHost);
  }

  /** The GUN of an image: its fully qualified name, e.g. {@code docker.io/library/alpine}. */
  public static String gun(Reference reference) {
    return reference.name();
  }
}
