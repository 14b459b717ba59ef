package io.trustyard.cli.image;

import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.image.TrustPolicy;
import io.trustyard.client.notary.DockerTrustSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
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
   * The policy for a command: none when trust is off, else docker's (trust dir
   * {@code <config dir>/trust}, trust server from {@code DOCKER_CONTENT_TRUST_SERVER} or the
   * registry, passphrases from the environment or the terminal), printing its progress to
   * {@code out} and its warnings to {@code err}.
   */
  static TrustPolicy policy(Map<String, String> env, Clock clock, Path configDir, boolean disabledByFlag,
      CredentialStore credentials, PrintWriter out, PrintWriter err) {
    if (!enabled(env, disabledByFlag)) {
      return TrustPolicy.NONE;
    }
    Map<String, String> trustEnv = new HashMap<>(env);
    if (configDir != null) {
      trustEnv.put("DOCKER_CONFIG", configDir.toString());
    }
    DockerTrustSetup setup = DockerTrustSetup.fromEnvironment(trustEnv, credentials, clock, warning -> {
      err.println("WARN: " + warning);
      err.flush();
    });
    return setup.policy(line -> {
      out.println(line);
      out.flush();
    });
  }
}
