package io.trustyard.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.cli.image.Cli.Run;
import io.trustyard.client.archive.TarWriter;
import io.trustyard.client.image.PlatformSpec;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.StoreTransaction;
import io.trustyard.client.testing.DockerRegistry;
import io.trustyard.client.testing.Htpasswd;
import io.trustyard.client.testing.TestImages;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code trustyard image ...} and {@code login} commands end to end against docker-registry. */
class ImageCommandsTest {

  @TempDir Path dir;
  private DockerRegistry registry;

  @AfterEach
  void stop() {
    ClientCommand.environment = System.getenv();
    if (registry != null) {
      registry.close();
    }
  }

  private Path dockerSave(TestImages.Built image, String tag) throws IOException {
    Path archive = dir.resolve("save.tar");
    String configName = Digest.sha256(image.config()).hex() + ".json";
    try (TarWriter tar = new TarWriter(Files.newOutputStream(archive))) {
      tar.file("l1/layer.tar", image.layers().get(0));
      tar.file(configName, image.config());
      tar.file("manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + tag
          + "\"],\"Layers\":[\"l1/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8));
    }
    return archive;
  }

  @Test
  void importTagPushPullInspectExportAndRemove() throws Exception {
    registry = DockerRegistry.start(dir.resolve("reg"), null);
    String a = "--store=" + dir.resolve("a");
    String b = "--store=" + dir.resolve("b");
    TestImages.Built image = TestImages.image("linux", "amd64", List.of(TestImages.layer("hello", 2000, 3)));

    Run imported = Cli.run("image", "import", a, dockerSave(image, "app:1").toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Loaded image: docker.io/library/app:1");

    String remote = registry.host() + "/team/app:1";
    assertThat(Cli.run("image", "tag", a, "app:1", remote).code()).isZero();
    Run ls = Cli.run("image", "ls", a);
    assertThat(ls.out()).contains("REPOSITORY").contains(registry.host() + "/team/app").contains("app ");

    Run push = Cli.run("image", "push", a, remote);
    assertThat(push.code()).as(push.err()).isZero();
    assertThat(push.out()).contains("The push refers to repository [" + registry.host() + "/team/app]")
        .contains("1: digest: sha256:");

    Run pull = Cli.run("image", "pull", b, remote);
    assertThat(pull.code()).as(pull.err()).isZero();
    assertThat(pull.out()).contains("Status: Downloaded newer image for " + remote);
    assertThat(Cli.run("image", "pull", b, remote).out()).contains("Image is up to date for " + remote);

    Run inspect = Cli.run("image", "inspect", b, remote);
    JsonNode json = new ObjectMapper().readTree(inspect.out());
    assertThat(json.get(0).get("Config").get("architecture").asText()).isEqualTo("amd64");
    assertThat(json.get(0).get("Manifest").get("layers").get(0).get("digest").asText())
        .isEqualTo(Digest.sha256(image.layers().get(0)).toString());

    Path exported = dir.resolve("out.tar");
    Run export = Cli.run("image", "export", b, "--format", "oci-archive", "-o", exported.toString(), remote);
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(exported).isRegularFile();

    Run rm = Cli.run("image", "rm", b, remote);
    assertThat(rm.out()).contains("Untagged: " + remote);
    assertThat(Cli.run("image", "ls", b, "-q").out()).isBlank();
    try (var blobs = Files.list(dir.resolve("b/blobs/sha256"))) {
      assertThat(blobs.count()).isZero();
    }
    Run rmAgain = Cli.run("image", "rm", b, remote);
    assertThat(rmAgain.code()).isEqualTo(1);
    assertThat(rmAgain.err()).contains("no image " + remote);
  }

  @Test
  void loginStoresCredentialsDockerCanReadAndPushUsesThem() throws Exception {
    Path htpasswd = Htpasswd.write(dir.resolve("htpasswd"), "alice", "s3cret");
    registry = DockerRegistry.start(dir.resolve("reg"), htpasswd);
    String store = "--store=" + dir.resolve("a");
    String config = "--config=" + dir.resolve("docker");
    String remote = registry.host() + "/private/app:1";
    TestImages.Built image = TestImages.image("linux", "amd64", List.of(TestImages.layer("x", 100, 4)));
    assertThat(Cli.run("image", "import", store, dockerSave(image, remote).toString()).code()).isZero();

    Run anonymous = Cli.run("image", "push", store, config, remote);
    assertThat(anonymous.code()).isEqualTo(1);
    assertThat(anonymous.err()).startsWith("trustyard: ").contains("requires authentication")
        .contains("trustyard login " + registry.host());
    assertThat(anonymous.err().strip().lines()).hasSize(1);

    Run wrong = Cli.run("login", config, registry.host(), "-u", "alice", "-p", "nope");
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).contains("did not accept the username or password");
    assertThat(dir.resolve("docker/config.json")).doesNotExist();

    Run login = Cli.run("login", config, "http://" + registry.host() + "/", "-u", "alice", "-p", "s3cret");
    assertThat(login.code()).as(login.err()).isZero();
    assertThat(login.out()).contains("Login Succeeded");
    JsonNode saved = new ObjectMapper().readTree(dir.resolve("docker/config.json").toFile());
    assertThat(saved.get("auths").get(registry.host()).get("auth").asText())
        .isEqualTo(Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.getPosixFilePermissions(dir.resolve("docker/config.json")).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");

    Run push = Cli.run("image", "push", store, config, remote);
    assertThat(push.code()).as(push.err()).isZero();
    Run pull = Cli.run("image", "pull", "--store=" + dir.resolve("b"), config, remote);
    assertThat(pull.code()).as(pull.err()).isZero();

    assertThat(Cli.run("logout", config, registry.host()).out()).contains("Removing login credentials");
    assertThat(new ObjectMapper().readTree(dir.resolve("docker/config.json").toFile()).get("auths").size()).isZero();
  }

  @Test
  void aMultiArchImageIsPushedWholeAndPulledForThePlatform() throws Exception {
    registry = DockerRegistry.start(dir.resolve("reg"), null);
    TestImages.Built amd = TestImages.image("linux", "amd64", List.of(TestImages.layer("m", 700, 41)));
    TestImages.Built arm = TestImages.image("linux", "arm64", List.of(TestImages.layer("m", 700, 42)));
    byte[] index = TestImages.index(List.of(amd, arm), List.of(new String[] {"linux", "amd64"},
        new String[] {"linux", "arm64"}));
    String remote = registry.host() + "/multi/app:1";
    try (StoreTransaction tx = ImageStore.open(dir.resolve("a")).begin()) {
      for (TestImages.Built b : List.of(amd, arm)) {
        tx.addBlob(MediaTypes.OCI_LAYER, b.layers().get(0));
        tx.addBlob(MediaTypes.OCI_CONFIG, b.config());
        tx.addBlob(MediaTypes.OCI_MANIFEST, b.manifest());
      }
      tx.setRef(remote, tx.addBlob(MediaTypes.OCI_INDEX, index));
      tx.commit();
    }
    // In chunks smaller than the layers: each blob goes up as several PATCH requests.
    Run push = Cli.run("image", "push", "--store=" + dir.resolve("a"), "--chunk-size=256", remote);
    assertThat(push.code()).as(push.err()).isZero();
    assertThat(push.out()).contains("1: digest: " + Digest.sha256(index));

    Run arm64 = Cli.run("image", "pull", "--store=" + dir.resolve("b"), "--platform", "linux/arm64", remote);
    assertThat(arm64.code()).as(arm64.err()).isZero();
    assertThat(arm64.out()).contains("Digest: " + Digest.sha256(index));
    JsonNode inspected = new ObjectMapper().readTree(Cli.run("image", "inspect", "--store=" + dir.resolve("b"), remote).out());
    assertThat(inspected.get(0).get("Config").get("architecture").asText()).isEqualTo("arm64");

    String here = PlatformSpec.current().architecture();
    Run native_ = Cli.run("image", "pull", "--store=" + dir.resolve("c"), remote);
    if (here.equals("amd64") || here.equals("arm64")) {
      assertThat(native_.code()).as(native_.err()).isZero();
      JsonNode nat = new ObjectMapper().readTree(Cli.run("image", "inspect", "--store=" + dir.resolve("c"), remote).out());
      assertThat(nat.get(0).get("Config").get("architecture").asText()).isEqualTo(here);
    } else {
      assertThat(native_.code()).isEqualTo(1);
    }

    Run none = Cli.run("image", "pull", "--store=" + dir.resolve("d"), "--platform", "windows/amd64", remote);
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("no image for platform windows/amd64").contains("linux/arm64");
    assertThat(Cli.run("image", "ls", "-q", "--store=" + dir.resolve("d")).out()).isBlank();
  }

  @Test
  void failuresAreOneLineOnStderrWithANonZeroCode() throws Exception {
    registry = DockerRegistry.start(dir.resolve("reg"), null);
    String store = "--store=" + dir.resolve("a");
    Run missing = Cli.run("image", "pull", store, registry.host() + "/no/such:1");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).startsWith("trustyard: ").contains("no/such");
    assertThat(missing.err().strip().lines()).hasSize(1);

    Run bad = Cli.run("image", "pull", store, "UPPER/Case");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("lowercase");

    ClientCommand.environment = Map.of("DOCKER_CONTENT_TRUST", "1");
    Run trusted = Cli.run("image", "pull", store, registry.host() + "/x:1");
    assertThat(trusted.code()).isEqualTo(1);
    assertThat(trusted.err()).startsWith("trustyard: ").contains("trust server");

    TestImages.Built image = TestImages.image("linux", "amd64", List.of(TestImages.layer("t", 5000, 5)));
    String remote = registry.host() + "/tamper/app:1";
    ClientCommand.environment = Map.of();
    assertThat(Cli.run("image", "import", store, dockerSave(image, remote).toString()).code()).isZero();
    assertThat(Cli.run("image", "push", store, remote).code()).isZero();
    Path data = registry.blobData(Digest.sha256(image.layers().get(0)).hex());
    byte[] bytes = Files.readAllBytes(data);
    bytes[0] ^= 1;
    Files.write(data, bytes);
    ClientCommand.environment = Map.of("DOCKER_CONTENT_TRUST", "1");
    Run tampered = Cli.run("image", "pull", "--store=" + dir.resolve("b"), "--disable-content-trust", remote);
    assertThat(tampered.code()).isEqualTo(3);
    assertThat(tampered.err()).contains("blob " + Digest.sha256(image.layers().get(0)))
        .contains("failed verification");
    assertThat(Cli.run("image", "ls", "-q", "--store=" + dir.resolve("b")).out()).isBlank();
  }
}
