package io.trustyard.trustserver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import java.security.SecureRandom;
import io.trustyard.trustserver.storage.InMemoryMetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Go notary CLI (Debian's notary 0.7) against our trust server. */
class NotaryCliInteropTest {
  private static final Map<String, String> PASSPHRASES = Map.of(
      "NOTARY_ROOT_PASSPHRASE", "root-pass-1234",
      "NOTARY_TARGETS_PASSPHRASE", "targets-pass-1234",
      "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-1234",
      "NOTARY_DELEGATION_PASSPHRASE", "delegation-pass-1234");

  @TempDir Path dir;
  private RunningServer server;

  @BeforeEach
  void start() throws Exception {
    server = new RunningServer(dir, new InMemoryMetadataStore(Clock.systemUTC()), new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("test-passphrase"), "default",
        new SecureRandom(), Clock.systemUTC(), () -> {}), Authorizer.NONE);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Peer.Result notary(Path trustDir, String... args) {
    return notaryWithInput(trustDir, null, args);
  }

  private Peer.Result notaryWithInput(Path trustDir, String stdin, String... args) {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", server.url, "--tlscacert", server.pki.caCert.toString(),
        "-d", trustDir.toString()));
    cmd.addAll(List.of(args));
    return Peer.run(dir, PASSPHRASES, stdin, cmd);
  }

  @Test
  void initPublishListLookupVerifyFromTwoTrustDirs() throws Exception {
    Path alice = dir.resolve("alice");
    Path bob = dir.resolve("bob");
    String gun = "example.com/interop/app";
    Path payload = dir.resolve("hello.txt");
    Files.writeString(payload, "hello trust\n");

    notary(alice, "init", gun).ok();
    notary(alice, "add", gun, "v1", payload.toString()).ok();
    assertThat(notary(alice, "status", gun).ok().output()).contains("v1");
    assertThat(notary(alice, "publish", gun).ok().output()).contains("Successfully published changes for repository " + gun);
    assertThat(notary(alice, "status", gun).ok().output()).contains("No unpublished changes for " + gun);

    assertThat(notary(alice, "list", gun).ok().output()).contains("v1").contains("12");
    String lookup = notary(bob, "lookup", gun, "v1").ok().output();
    assertThat(lookup).contains("v1 sha256:");
    assertThat(notaryWithInput(bob, "hello trust\n", "verify", gun, "v1").ok().output()).isEqualTo("hello trust\n");
    assertThat(notaryWithInput(bob, "tampered\n", "verify", gun, "v1").exitCode()).isNotZero();
    assertThat(notary(alice, "key", "list").ok().output()).contains("root").contains("targets").contains("snapshot");

    notary(alice, "add", gun, "v2", payload.toString()).ok();
    notary(alice, "publish", gun).ok();
    assertThat(notary(bob, "list", gun).ok().output()).contains("v1").contains("v2");
  }

  @Test
  void keyRotationsDelegationsWitnessRemoveAndRemoteDelete() throws Exception {
    Path alice = dir.resolve("alice");
    Path bob = dir.resolve("bob");
    String gun = "example.com/interop/lifecycle";
    Path payload = dir.resolve("payload.bin");
    Files.writeString(payload, "release payload\n");

    notary(alice, "init", gun, "-p").ok();
    notary(alice, "add", gun, "v1", payload.toString(), "-p").ok();

    // The server takes over the snapshot key; later publishes upload no snapshot.
    assertThat(notary(alice, "key", "rotate", gun, "snapshot", "-r").ok().output())
        .contains("Successfully rotated snapshot key for repository " + gun);
    notary(alice, "add", gun, "v2", payload.toString(), "-p").ok();
    assertThat(notary(bob, "list", gun).ok().output()).contains("v1").contains("v2");

    assertThat(notary(alice, "key", "rotate", gun, "timestamp", "-r").ok().output())
        .contains("Successfully rotated timestamp key for repository " + gun);
    assertThat(notary(bob, "list", gun).ok().output()).contains("v2");
    assertThat(notary(alice, "key", "rotate", gun, "targets").ok().output())
        .contains("Successfully rotated targets key for repository " + gun);
    assertThat(notaryWithInput(alice, "yes\n", "key", "rotate", gun, "root").ok().output())
        .contains("Successfully rotated root key for repository " + gun);
    notary(alice, "add", gun, "v3", payload.toString(), "-p").ok();
    assertThat(notary(bob, "list", gun).ok().output()).contains("v1").contains("v2").contains("v3");

    // A delegation with an x509 certificate, and a target published into it with its key.
    DelegationKey releases = DelegationKey.create(dir.resolve("releases"), "releases");
    notary(alice, "delegation", "add", gun, "targets/releases", releases.cert.toString(), "--all-paths", "-p").ok();
    notary(alice, "key", "import", releases.key.toString(), "-r", "targets/releases").ok();
    assertThat(notary(bob, "delegation", "list", gun).ok().output()).contains("targets/releases");
    notary(alice, "add", gun, "r1", payload.toString(), "-r", "targets/releases", "-p").ok();
    String listed = notary(bob, "list", gun).ok().output();
    assertThat(listed).contains("r1").contains("targets/releases");

    notary(alice, "witness", gun, "targets/releases", "-p").ok();
    notary(alice, "remove", gun, "v1", "-p").ok();
    assertThat(notary(bob, "list", gun).ok().output()).doesNotContain("v1 ").contains("v2").contains("r1");

    notary(alice, "delegation", "remove", gun, "targets/releases", "-y", "-p").ok();
    assertThat(notary(bob, "delegation", "list", gun).ok().output()).doesNotContain("targets/releases");

    assertThat(notary(alice, "delete", gun, "--remote").ok().output())
        .contains("Successfully deleted local and remote trust data for repository " + gun);
    Peer.Result gone = notary(dir.resolve("carol"), "list", gun);
    assertThat(gone.exitCode()).isNotZero();
    assertThat(gone.output()).contains("does not have trust data for " + gun);
  }
}
