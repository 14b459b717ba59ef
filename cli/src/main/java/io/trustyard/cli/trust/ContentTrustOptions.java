package io.trustyard.cli.trust;

import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.image.TrustPolicy;
import io.trustyard.client.notary.DockerContentTrust;
import io.trustyard.client.notary.DockerTrustSetup;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Docker's content-trust switch for {@code image push} and {@code image pull}: on when
 * {@code DOCKER_CONTENT_TRUST} says so, unless {@code --disable-content-trust} (or
 * {@code --disable-content-trust=false} turns it on without the variable). Mix into a command
 * with {@code @Mixin ContentTrustOptions trust;} and pass {@link #policy} to the pusher or puller.
 */
public final class ContentTrustOptions {

  @Option(names = "--disable-content-trust", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Skip image signing/verification (default: on unless DOCKER_CONTENT_TRUST is set)")
  Boolean disabled;

  /** Whether trust is on for this command under {@code env}. */
  public boolean enabled(Map<String, String> env) {
    return disabled == null ? DockerContentTrust.enabled(env) : !disabled;
  }

  /**
   * The trust policy for this command: {@link TrustPolicy#NONE} when trust is off, else docker's
   * (trust dir {@code $DOCKER_CONFIG/trust}, passphrases from the environment or the terminal),
   * printing its progress ("Signing and pushing trust metadata", ...) to {@code out} and its
   * warnings to {@code err}.
   */
  public TrustPolicy policy(Map<String, String> env, CredentialStore credentials, PrintWriter out, PrintWriter err) {
    if (!enabled(env)) {
      return TrustPolicy.NONE;
    }
    DockerTrustSetup setup = DockerTrustSetup.fromEnvironment(env, credentials, w -> {
      err.println("WARN: " + w);
      err.flush();
    });
    return setup.policy(line -> {
      out.println(line);
      out.flush();
    });
  }
}
