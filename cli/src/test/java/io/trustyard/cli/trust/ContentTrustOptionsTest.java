package io.trustyard.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.image.TrustPolicy;
import io.trustyard.client.notary.NotaryTrustPolicy;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** docker's --disable-content-trust flag and DOCKER_CONTENT_TRUST, and trust errors as exit code 1. */
class ContentTrustOptionsTest {

  @Command(name = "pull")
  static final class Pull implements Callable<Integer> {
    @Mixin ContentTrustOptions trust;
    Map<String, String> env = Map.of();
    TrustPolicy chosen;

    @Override
    public Integer call() {
      chosen = trust.policy(env, CredentialStore.ANONYMOUS, new PrintWriter(new StringWriter()),
          new PrintWriter(new StringWriter()));
      if (chosen != TrustPolicy.NONE) {
        throw new TrustException(Kind.REPOSITORY_NOT_FOUND, "remote trust data does not exist for x");
      }
      return 0;
    }
  }

  static int run(Pull pull, StringWriter err, String... args) {
    CommandLine cmd = new CommandLine(pull);
    cmd.setErr(new PrintWriter(err, true));
    cmd.setExecutionExceptionHandler(new TrustErrors(null));
    return cmd.execute(args);
  }

  @Test
  void theVariableTurnsTrustOnAndTheFlagOverridesIt() {
    Pull off = new Pull();
    assertThat(run(off, new StringWriter())).isZero();
    assertThat(off.chosen).isSameAs(TrustPolicy.NONE);

    for (String value : new String[] {"1", "true", "yes"}) {
      Pull on = new Pull();
      on.env = Map.of("DOCKER_CONTENT_TRUST", value, "DOCKER_CONFIG", "/nonexistent-docker-config");
      StringWriter err = new StringWriter();
      assertThat(run(on, err)).isEqualTo(TrustErrors.EXIT_CODE);
      assertThat(on.chosen).isInstanceOf(NotaryTrustPolicy.class);
      assertThat(err.toString()).isEqualTo("Error: remote trust data does not exist for x" + System.lineSeparator());
    }

    for (String value : new String[] {"0", "false", "FALSE", ""}) {
      Pull falseValue = new Pull();
      falseValue.env = Map.of("DOCKER_CONTENT_TRUST", value);
      assertThat(run(falseValue, new StringWriter())).isZero();
    }

    Pull disabled = new Pull();
    disabled.env = Map.of("DOCKER_CONTENT_TRUST", "1");
    assertThat(run(disabled, new StringWriter(), "--disable-content-trust")).isZero();
    assertThat(disabled.chosen).isSameAs(TrustPolicy.NONE);

    Pull forced = new Pull();
    forced.env = Map.of("DOCKER_CONFIG", "/nonexistent-docker-config");
    assertThat(run(forced, new StringWriter(), "--disable-content-trust=false")).isEqualTo(TrustErrors.EXIT_CODE);
  }
}
