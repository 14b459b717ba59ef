package io.trustyard.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.Main;
import io.trustyard.cli.trust.OurStack;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.testing.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trustyard image push/pull} with DOCKER_CONTENT_TRUST against our registry and trust server. */
class TrustedImageCommandsTest {
  @TempDir Path dir;
  OurStack stack;
  Map<String, String> env;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    stack = new OurStack(dir);
    env = new HashMap<>();
    env.put("HOME", dir.toString());
    env.put("DOCKER_CONTENT_TRUST", "1");
    env.put("DOCKER_CONTENT_TRUST_SERVER", stack.trustUrl());
    env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
  }

  @AfterEach
  void stop() {
    ClientCommand.environment = System.getenv();
    stack.close();
  }

  Path dockerConfig(String who) throws Exception {
    Path config = dir.resolve(who);
    Path tls = Files.createDirectories(config.resolve("tls/127.0.0.1:" + stack.trust.port()));
    Files.copy(stack.caCert, tls.resolve("ca.crt"));
    return config;
  }

  Run run(Map<String, String> environment, String... args) {
    ClientCommand.environment = environment;
    CommandLine cli = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void pushSignsAndPullVerifiesAndUnsignedTagsAreRefused() throws Exception {
    String gun = stack.registryHost() + "/test/trusttest";
    String image = gun + ":latest";
    TestImages.Built built = TestImages.image("linux", "amd64", List.of(TestImages.layer("hello", 1500, 7)));
    TestImages.store(ImageStore.open(dir.resolve("a")), image, built);
    Map<String, String> alice = new HashMap<>(env);
    alice.put("DOCKER_CONFIG", dockerConfig("alice").toString());
    Map<String, String> bob = new HashMap<>(env);
    bob.put("DOCKER_CONFIG", dockerConfig("bob").toString());

    Run unsigned = run(bob, "image", "pull", "--store=" + dir.resolve("b"), image);
    assertThat(unsigned.code()).isEqualTo(ClientCommand.FAILED);
    assertThat(unsigned.err()).startsWith("trustyard: remote trust data does not exist for " + gun + ": 127.0.0.1:"
        + stack.trust.port() + " does not have trust data for " + gun);

    Run pushed = run(alice, "image", "push", "--store=" + dir.resolve("a"), image);
    assertThat(pushed.code()).as(pushed.err()).isZero();
    assertThat(pushed.out()).contains("Signing and pushing trust metadata\nFinished initializing \"" + gun
        + "\"\nSuccessfully signed \"" + gun + "\":latest");
    assertThat(dir.resolve("alice/trust/private")).isNotEmptyDirectory();

    Run pulled = run(bob, "image", "pull", "--store=" + dir.resolve("b"), image);
    assertThat(pulled.code()).as(pulled.err()).isZero();
    assertThat(pulled.out()).contains("Pull (1 of 1): " + image + "@" + built.digest()).contains("Digest: " + built.digest());

    Run noTag = run(bob, "image", "pull", "--store=" + dir.resolve("c"), gun + ":other");
    assertThat(noTag.code()).isEqualTo(ClientCommand.FAILED);
    assertThat(noTag.err()).isEqualTo("trustyard: No trust data for other" + System.lineSeparator());

    Run byDigest = run(bob, "image", "pull", "--store=" + dir.resolve("d"), gun + "@" + built.digest());
    assertThat(byDigest.code()).as(byDigest.err()).isZero();

    Map<String, String> offServer = new HashMap<>(bob);
    offServer.put("DOCKER_CONTENT_TRUST_SERVER", "https://127.0.0.1:1");
    Run offline = run(offServer, "image", "pull", "--store=" + dir.resolve("e"), image);
    assertThat(offline.code()).as("bob's cached trust data is still valid").isZero();
    assertThat(offline.err()).contains("WARN: ").contains("using the cached trust data");
    offServer.put("DOCKER_CONFIG", dockerConfig("carol").toString());
    Run unreachable = run(offServer, "image", "pull", "--store=" + dir.resolve("f"), image);
    assertThat(unreachable.code()).isEqualTo(ClientCommand.FAILED);
    assertThat(unreachable.err()).contains("could not reach the trust server https://127.0.0.1:1");
    Run disabled = run(offServer, "image", "pull", "--disable-content-trust", "--store=" + dir.resolve("f"), image);
    assertThat(disabled.code()).as(disabled.err()).isZero();
  }
}
