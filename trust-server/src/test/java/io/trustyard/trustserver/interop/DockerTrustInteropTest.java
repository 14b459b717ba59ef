package io.trustyard.trustserver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.trustserver.storage.InMemoryMetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker CLI's trust commands (no daemon needed) against our trust server. */
class DockerTrustInteropTest {
  @TempDir Path dir;
  private RunningServer server;
  private Path dockerConfig;

  @BeforeEach
  void start() throws Exception {
    server = new RunningServer(dir, new InMemoryMetadataStore(Clock.systemUTC()),
        new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("test-passphrase"), "default",
            new SecureRandom(), Clock.systemUTC(), () -> {}), Authorizer.NONE);
    // docker trusts a notary server's CA from $DOCKER_CONFIG/tls/<host:port>/*.crt.
    dockerConfig = dir.resolve("docker-config");
    Path tls = dockerConfig.resolve("tls").resolve(server.url.substring("https://".length()));
    Files.createDirectories(tls);
    Files.copy(server.pki.caCert, tls.resolve("ca.crt"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Peer.Result docker(String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("DOCKER_CONFIG", dockerConfig.toString());
    env.put("DOCKER_CONTENT_TRUST_SERVER", server.url);
    env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-pass-1234");
    env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-pass-1234");
    env.put("DOCKER_HOST", "unix://" + dir.resolve("no-daemon.sock"));
    List<String> cmd = new ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    return Peer.run(dir, env, null, cmd);
  }

  private Peer.Result notary(String... args) {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", server.url, "--tlscacert", server.pki.caCert.toString(),
        "-d", dockerConfig.resolve("trust").toString()));
    cmd.addAll(List.of(args));
    // docker's trust dir is notary's layout; its "repository" passphrase guards targets and signer keys.
    return Peer.run(dir, Map.of("NOTARY_ROOT_PASSPHRASE", "root-pass-1234", "NOTARY_TARGETS_PASSPHRASE", "repo-pass-1234",
        "NOTARY_DELEGATION_PASSPHRASE", "repo-pass-1234"), null, cmd);
  }

  @Test
  void trustKeyGenerateSignerAddAndInspect() throws Exception {
    String image = "registry.example.com/team/app";
    docker("trust", "key", "generate", "alice", "--dir", dir.toString()).ok();
    assertThat(dir.resolve("alice.pub")).exists();
    String added = docker("trust", "signer", "add", "--key", dir.resolve("alice.pub").toString(), "alice", image).ok().output();
    assertThat(added).contains("Successfully added signer: alice to " + image);

    // A tag signed by alice into targets/releases and targets/alice (with the notary CLI on docker's trust dir), read back by docker.
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, "{\"schemaVersion\":2}");
    notary("add", image, "v1", manifest.toString(), "-r", "targets/releases", "-r", "targets/alice", "-p").ok();

    JsonNode inspect = new ObjectMapper().readTree(docker("trust", "inspect", image + ":v1").ok().output());
    assertThat(inspect).hasSize(1);
    JsonNode repo = inspect.get(0);
    assertThat(repo.get("Name").asText()).isEqualTo(image + ":v1");
    assertThat(repo.get("SignedTags").get(0).get("SignedTag").asText()).isEqualTo("v1");
    assertThat(repo.get("SignedTags").get(0).get("Digest").asText()).hasSize(64);
    assertThat(repo.get("SignedTags").get(0).get("Signers").toString()).contains("alice");
    assertThat(repo.get("Signers").toString()).contains("alice");
    assertThat(repo.get("AdministrativeKeys").toString()).contains("Root").contains("Repository");

    String pretty = docker("trust", "inspect", "--pretty", image).ok().output();
    assertThat(pretty).contains("Signatures for " + image).contains("v1").contains("alice")
        .contains("Administrative keys for " + image);
  }
}
