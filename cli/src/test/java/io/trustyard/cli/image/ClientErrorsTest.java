package io.trustyard.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trustyard.cli.image.Cli.Run;
import io.trustyard.cli.trust.OurStack;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.testing.TestImages;
import io.trustyard.registry.auth.AccessController;
import io.trustyard.registry.http.RegistryHttpServer;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.registry.storage.FilesystemDriver;
import io.trustyard.trustserver.config.GeneratedTls;
import io.trustyard.trustserver.config.TlsFiles;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees when push or pull cannot go on: one line on stderr that says what is wrong
 * and what to do, and a non-zero exit code.
 */
class ClientErrorsTest {

  @TempDir Path dir;

  /** The single line of the error, without the program's prefix. */
  private static String error(Run run) {
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith("trustyard: ");
    return run.err().strip().substring("trustyard: ".length());
  }

  @AfterEach
  void reset() {
    ClientCommand.environment = System.getenv();
    ClientCommand.clock = Clock.systemUTC();
  }

  private String store(String name) {
    return "--store=" + dir.resolve(name);
  }

  @Test
  void anUnreachableRegistryIsNamed() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Run pull = Cli.run(Map.of(), "image", "pull", store("a"), "127.0.0.1:" + closed + "/team/app:1");
    assertThat(pull.code()).isEqualTo(ClientCommand.FAILED);
    assertThat(error(pull)).startsWith("cannot reach registry 127.0.0.1:" + closed)
        .contains("is it running");
  }

  @Test
  void aRegistryCertificateFromAnUnknownCaSaysHowToTrustIt() throws Exception {
    GeneratedTls tls = GeneratedTls.ensure(dir.resolve("pki"), List.of("localhost"), List.of("127.0.0.1"),
        Duration.ofDays(2));
    RegistryServices services = RegistryServices.create(new FilesystemDriver(
        Files.createDirectories(dir.resolve("registry"))), new SimpleMeterRegistry(), Clock.systemUTC(), false, true);
    RegistryHttpServer server = new RegistryHttpServer("127.0.0.1", 0,
        TlsFiles.serverContext(tls.serverCert, tls.serverKey, null), services, AccessController.NONE, null, List.of());
    try {
      String host = "127.0.0.1:" + server.port();
      String image = host + "/secure/app:1";
      TestImages.store(ImageStore.open(dir.resolve("a")), image,
          TestImages.image("linux", "amd64", List.of(TestImages.layer("s", 500, 3))));

      Run push = Cli.run(Map.of(), "image", "push", store("a"), image);
      assertThat(push.code()).isEqualTo(ClientCommand.FAILED);
      assertThat(error(push)).startsWith("TLS handshake with registry " + host + " failed")
          .contains("--tls-ca");

      Run trusted = Cli.run(Map.of(), "image", "push", store("a"), "--tls-ca=" + tls.caCert, image);
      assertThat(trusted.code()).as(trusted.err()).isZero();
      Run viaEnv = Cli.run(Map.of("TRUSTYARD_TLS_CA", tls.caCert.toString()), "image", "pull", store("b"), image);
      assertThat(viaEnv.code()).as(viaEnv.err()).isZero();
    } finally {
      server.close();
    }
  }

  @Test
  void trustFailuresSayWhatToDo() throws Exception {
    try (OurStack stack = new OurStack(dir)) {
      String gun = stack.registryHost() + "/errors/app";
      String image = gun + ":latest";
      TestImages.store(ImageStore.open(dir.resolve("a")), image,
          TestImages.image("linux", "amd64", List.of(TestImages.layer("e", 800, 4))));
      Map<String, String> alice = Cli.trustEnv(stack, dir, "alice");
      assertThat(Cli.run(alice, "image", "push", store("a"), image).code()).isZero();

      // Wrong passphrase: the environment variable that holds it is named, nothing is signed.
      Map<String, String> wrong = new HashMap<>(alice);
      wrong.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "not-the-passphrase");
      TestImages.store(ImageStore.open(dir.resolve("a")), gun + ":v2",
          TestImages.image("linux", "amd64", List.of(TestImages.layer("e", 900, 5))));
      Run badPassphrase = Cli.run(wrong, "image", "push", store("a"), gun + ":v2");
      assertThat(badPassphrase.code()).isEqualTo(ClientCommand.FAILED);
      assertThat(error(badPassphrase)).contains("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE");

      // Missing key: bob has no key for the repository alice created.
      Map<String, String> bob = Cli.trustEnv(stack, dir, "bob");
      Run noKey = Cli.run(bob, "image", "push", store("a"), gun + ":v2");
      assertThat(noKey.code()).isEqualTo(ClientCommand.FAILED);
      assertThat(error(noKey)).contains("targets").contains("private key");
      Run signedOnly = Cli.run(bob, "image", "pull", store("b"), gun + ":v2");
      assertThat(signedOnly.code()).as("v2 was never signed").isEqualTo(ClientCommand.FAILED);

      // Untrusted CA of the trust server: the place for its certificate is named.
      Map<String, String> noCa = Cli.trustEnv(stack, dir, "carol");
      Files.delete(dir.resolve("carol/tls/127.0.0.1:" + stack.trust.port() + "/ca.crt"));
      Run tls = Cli.run(noCa, "image", "pull", store("c"), image);
      assertThat(tls.code()).isEqualTo(ClientCommand.FAILED);
      assertThat(error(tls)).contains("TLS with the trust server " + stack.trustUrl())
          .contains("ca.crt");

      // Expired trust data: fifteen days on, the timestamp (valid fourteen) has expired.
      ClientCommand.clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(15));
      Run expired = Cli.run(Cli.trustEnv(stack, dir, "dave"), "image", "pull", store("d"), image);
      assertThat(expired.code()).isEqualTo(ClientCommand.FAILED);
      assertThat(error(expired)).contains("timestamp").contains("expired");
      assertThat(Cli.run(Map.of(), "image", "ls", "-q", store("d")).out()).isBlank();
    }
  }
}
