package io.trustyard.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.image.Cli.Run;
import io.trustyard.cli.trust.OurStack;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.testing.TestImages;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustyard image push/pull} with DOCKER_CONTENT_TRUST against our registry and trust server. */
class TrustedImageCommandsTest {
  @TempDir Path dir;
  OurStack stack;

  @BeforeEach
  void start() throws Exception {
    stack = new OurStack(dir);
  }

  @AfterEach
  void stop() {
    ClientCommand.environment = System.getenv();
    stack.close();
  }

  @Test
  void pushSignsAndPullVerifiesAndUnsignedTagsAreRefused() throws Exception {
    String gun = stack.registryHost() + "/test/trusttest";
    String image = gun + ":latest";
    TestImages.Built built = TestImages.image("linux", "amd64", List.of(TestImages.layer("hello", 1500, 7)));
    TestImages.store(ImageStore.open(dir.resolve("a")), image, built);
    Map<String, String> alice = Cli.trustEnv(stack, dir, "alice");
    Map<String, String> bob = Cli.trustEnv(stack, dir, "bob");

    Run unsigned = Cli.run(bob, "image", "pull", "--store=" + dir.resolve("b"), image);
    assertThat(unsigned.code()).isEqualTo(ClientCommand.FAILED);
    assertThat(unsigned.err()).startsWith("trustyard: remote trust data does not exist for " + gun + ": 127.0.0.1:"
        + stack.trust.port() + " does not have trust data for " + gun);

    Run pushed = Cli.run(alice, "image", "push", "--store=" + dir.resolve("a"), image);
    assertThat(pushed.code()).as(pushed.err()).isZero();
    assertThat(pushed.out()).contains("Signing and pushing trust metadata\nFinished initializing \"" + gun
        + "\"\nSuccessfully signed \"" + gun + "\":latest");
    assertThat(dir.resolve("alice/trust/private")).isNotEmptyDirectory();

    Run pulled = Cli.run(bob, "image", "pull", "--store=" + dir.resolve("b"), image);
    assertThat(pulled.code()).as(pulled.err()).isZero();
    assertThat(pulled.out()).contains("Pull (1 of 1): " + image + "@" + built.digest()).contains("Digest: " + built.digest());

    Run noTag = Cli.run(bob, "image", "pull", "--store=" + dir.resolve("c"), gun + ":other");
    assertThat(noTag.code()).isEqualTo(ClientCommand.FAILED);
    assertThat(noTag.err()).isEqualTo("trustyard: No trust data for other" + System.lineSeparator());

    Run byDigest = Cli.run(bob, "image", "pull", "--store=" + dir.resolve("d"), gun + "@" + built.digest());
    assertThat(byDigest.code()).as(byDigest.err()).isZero();

    Map<String, String> offServer = new HashMap<>(bob);
    offServer.put("DOCKER_CONTENT_TRUST_SERVER", "https://127.0.0.1:1");
    Run offline = Cli.run(offServer, "image", "pull", "--store=" + dir.resolve("e"), image);
    assertThat(offline.code()).as("bob's cached trust data is still valid").isZero();
    assertThat(offline.err()).contains("WARN: ").contains("using the cached trust data");
    offServer.put("DOCKER_CONFIG", Cli.trustEnv(stack, dir, "carol").get("DOCKER_CONFIG"));
    Run unreachable = Cli.run(offServer, "image", "pull", "--store=" + dir.resolve("f"), image);
    assertThat(unreachable.code()).isEqualTo(ClientCommand.FAILED);
    assertThat(unreachable.err()).contains("could not reach the trust server https://127.0.0.1:1");
    Run disabled = Cli.run(offServer, "image", "pull", "--disable-content-trust", "--store=" + dir.resolve("f"), image);
    assertThat(disabled.code()).as(disabled.err()).isZero();
  }
}
