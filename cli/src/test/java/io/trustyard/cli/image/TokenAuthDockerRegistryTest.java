package io.trustyard.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trustyard.cli.image.Cli.Run;
import io.trustyard.client.image.ProgressListener;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.testing.DockerRegistry;
import io.trustyard.client.testing.Htpasswd;
import io.trustyard.client.testing.TestImages;
import io.trustyard.core.digest.Digest;
import io.trustyard.registry.auth.AccessControllers;
import io.trustyard.registry.config.RegistryConfig;
import io.trustyard.registry.http.RegistryHttpServer;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.registry.storage.FilesystemDriver;
import io.trustyard.trustserver.config.GeneratedTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker token auth for real: Debian's docker-registry sends clients to our registry's token
 * service (its signing key's certificate is docker-registry's {@code rootcertbundle}), and
 * {@code trustyard login}, push (with a cross-repository mount) and pull go through it, with
 * credentials from {@code config.json} or a {@code credsStore} helper.
 */
class TokenAuthDockerRegistryTest {

  private static final String SERVICE = "trustyard-test-registry";
  private static final String ISSUER = "trustyard-test-issuer";

  @TempDir Path dir;
  private RegistryHttpServer tokenService;
  private DockerRegistry registry;

  @BeforeEach
  void start() throws Exception {
    GeneratedTls signing = GeneratedTls.ensure(dir.resolve("pki"), List.of("localhost"), List.of("127.0.0.1"),
        Duration.ofDays(2));
    Path htpasswd = Htpasswd.write(dir.resolve("htpasswd"), "alice", "s3cret");
    AccessControllers.Setup auth = AccessControllers.from(new RegistryConfig.Auth("token", null, SERVICE, ISSUER,
        htpasswd.toString(), signing.serverCert.toString(), signing.serverKey.toString(), List.of(), null),
        Clock.systemUTC());
    RegistryServices services = RegistryServices.create(new FilesystemDriver(
        Files.createDirectories(dir.resolve("token-service"))), new SimpleMeterRegistry(), Clock.systemUTC(), false, true);
    tokenService = new RegistryHttpServer("127.0.0.1", 0, null, services, auth.controller(), null, auth.routes());
    registry = DockerRegistry.startWithTokenAuth(dir.resolve("reg"),
        "http://127.0.0.1:" + tokenService.port() + "/token", SERVICE, ISSUER, signing.serverCert);
  }

  @AfterEach
  void stop() {
    ClientCommand.environment = System.getenv();
    if (registry != null) {
      registry.close();
    }
    if (tokenService != null) {
      tokenService.close();
    }
  }

  @Test
  void loginPushMountAndPullThroughTheTokenService() throws Exception {
    String store = "--store=" + dir.resolve("a");
    String config = "--config=" + dir.resolve("docker");
    String image = registry.host() + "/team/app:1";
    TestImages.Built built = TestImages.image("linux", "amd64", List.of(TestImages.layer("t", 4000, 8)));
    TestImages.store(ImageStore.open(dir.resolve("a")), image, built);
    String layer = ProgressListener.shortId(Digest.sha256(built.layers().get(0)));

    Run anonymous = Cli.run(Map.of(), "image", "push", store, config, image);
    assertThat(anonymous.code()).isEqualTo(ClientCommand.FAILED);
    assertThat(anonymous.err()).startsWith("trustyard: ").contains("trustyard login " + registry.host());

    Run wrong = Cli.run(Map.of(), "login", config, registry.host(), "-u", "alice", "-p", "wrong");
    assertThat(wrong.code()).isEqualTo(ClientCommand.FAILED);
    assertThat(wrong.err()).contains("did not accept the username or password");
    Run login = Cli.run(Map.of(), "login", config, registry.host(), "-u", "alice", "-p", "s3cret");
    assertThat(login.code()).as(login.err()).isZero();
    assertThat(login.out()).contains("Login Succeeded");

    Run push = Cli.run(Map.of(), "image", "push", store, config, "--progress=tty", image);
    assertThat(push.code()).as(push.err()).isZero();
    assertThat(push.out()).contains(layer + ": Pushed").contains("1: digest: " + built.digest());

    // Mounting from team/app needs a token that also grants pull on it.
    String other = registry.host() + "/other/app:1";
    assertThat(Cli.run(Map.of(), "image", "tag", store, image, other).code()).isZero();
    Run mount = Cli.run(Map.of(), "image", "push", store, config, "--progress=tty", other);
    assertThat(mount.code()).as(mount.err()).isZero();
    assertThat(mount.out()).contains(layer + ": Mounted from team/app");

    Run pull = Cli.run(Map.of(), "image", "pull", "--store=" + dir.resolve("b"), config, other);
    assertThat(pull.code()).as(pull.err()).isZero();
    assertThat(pull.out()).contains("Digest: " + built.digest()).contains("Downloaded newer image for " + other);
  }

  @Test
  void credentialsComeFromACredsStoreHelper() throws Exception {
    String image = registry.host() + "/helper/app:1";
    TestImages.Built built = TestImages.image("linux", "amd64", List.of(TestImages.layer("h", 3000, 9)));
    TestImages.store(ImageStore.open(dir.resolve("a")), image, built);
    Path config = Files.createDirectories(dir.resolve("docker"));
    Files.writeString(config.resolve("config.json"), "{\"credsStore\":\"trustyardtest\"}");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path helper = bin.resolve("docker-credential-trustyardtest");
    // docker's helper protocol: "get" with the server on stdin, JSON credentials on stdout.
    Files.writeString(helper, """
        #!/bin/sh
        [ "$1" = get ] || exit 1
        read -r server
        [ "$server" = "%s" ] || { echo "credentials not found in native keychain"; exit 1; }
        echo '{"ServerURL":"'"$server"'","Username":"alice","Secret":"s3cret"}'
        """.formatted(registry.host()));
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> env = new HashMap<>();
    env.put("DOCKER_CONFIG", config.toString());
    env.put("PATH", System.getenv("PATH"));

    Run withoutHelper = Cli.run(env, "image", "push", "--store=" + dir.resolve("a"), image);
    assertThat(withoutHelper.code()).as("the helper is not on PATH").isEqualTo(ClientCommand.FAILED);

    env.put("PATH", bin + ":" + System.getenv("PATH"));
    Run push = Cli.run(env, "image", "push", "--store=" + dir.resolve("a"), image);
    assertThat(push.code()).as(push.err()).isZero();
    Run pull = Cli.run(env, "image", "pull", "--store=" + dir.resolve("b"), image);
    assertThat(pull.code()).as(pull.err()).isZero();
    assertThat(pull.out()).contains("Digest: " + built.digest());
  }
}
