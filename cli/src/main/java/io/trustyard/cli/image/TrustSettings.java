package io.trustyard.cli.image;

import io.trustyard.client.image.TrustPolicy;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether content trust is on for a command, as docker decides it: {@code DOCKER_CONTENT_TRUST}
 * set to anything but a false boolean turns it on, {@code --disable-content-trust} turns it off.
 */
final class TrustSettings {

  private static final Set<String> FALSE = Set.of("0", "f", "false", "");

  private TrustSettings() {}

  static boolean enabled(Map<String, String> env, boolean disabledByFlag) {
    if (disabledByFlag) {
      return false;
    }
    String v = env.get("DOCKER_CONTENT_TRUST");
    return v != null && !FALSE.contains(v.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The policy for a command. With trust on and no trust client in this build, the command fails:
   * pulling or pushing unverified when trust was asked for would be worse than stopping.
   */
  static TrustPolicy policy(Map<String, String> env, boolean disabledByFlag) {
    if (!enabled(env, disabledByFlag)) {
      return TrustPolicy.NONE;
    }
    throw new TrustUnavailableException("content trust is on (DOCKER_CONTENT_TRUST) but this build has no"
        + " trust client yet; pass --disable-content-trust or unset DOCKER_CONTENT_TRUST");
  }
}
