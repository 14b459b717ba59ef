package io.trustyard.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.Main;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code trustyard trust} next to the real {@code docker trust} (no daemon needed for inspect, key
 * and signer), against our registry and trust server: same outputs, and each reads and uses what
 * the other wrote (keys, signers, signatures). Every docker runs with its own DOCKER_CONFIG.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustCommandsInteropTest {
  private static final String ROOT_PASS = "root-pass-1234";
  private static final String REPO_PASS = "repo-pass-1234";

  private Path dir;
  private OurStack stack;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    stack = new OurStack(dir.resolve("stack"));
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  @AfterEach
  void restoreEnvironment() {
    TrustSubcommand.environment = System.getenv();
    TrustSubcommand.input = System.in;
  }

  record Run(int exit, String out, String err) {
    Run ok() {
      assertThat(exit).as(out + err).isZero();
      return this;
    }
  }

  /** A DOCKER_CONFIG that trusts our trust server's CA, as docker reads it. */
  private Path config(String who) throws IOException {
    Path config = dir.resolve(who);
    Path tls = Files.createDirectories(config.resolve("tls").resolve(stack.trustUrl().substring("https://".length())));
    Files.copy(stack.caCert, tls.resolve("ca.crt"));
    return config;
  }

  private Map<String, String> env(Path config) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", dir.toString());
    env.put("DOCKER_CONFIG", config.toString());
    env.put("DOCKER_CONTENT_TRUST_SERVER", stack.trustUrl());
    env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", ROOT_PASS);
    env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", REPO_PASS);
    env.put("DOCKER_HOST", "unix://" + dir.resolve("no-daemon.sock"));
    return env;
  }

  private Run dockerWithInput(Path config, String stdin, String... args) {
    List<String> cmd = new ArrayList<>(List.of("docker", "trust"));
    cmd.addAll(List.of(args));
    Peers.Split r = Peers.run(dir, env(config), stdin, cmd);
    return new Run(r.exitCode(), r.out(), r.err());
  }

  private Run docker(Path config, String... args) {
    return dockerWithInput(config, "", args);
  }

  private Run oursWithInput(Path config, String stdin, String... args) {
    TrustSubcommand.environment = env(config);
    TrustSubcommand.input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    CommandLine cli = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("trust"));
    all.addAll(List.of(args));
    int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private Run ours(Path config, String... args) {
    return oursWithInput(config, "", args);
  }

  private String repo(String name) {
    return stack.registryHost() + "/interop/" + name;
  }

  /** An image in a local store of ours, under its full name. */
  private Path storeImage(String name, String image, int seed) {
    Path store = dir.resolve("store-" + name);
    TestImages.store(ImageStore.open(store), image, TestImages.image("linux", "amd64",
        List.of(TestImages.layer("file-" + seed, 1200, seed))));
    return store;
  }

  private static List<Path> keyFiles(Path config) throws IOException {
    Path privateDir = config.resolve("trust/private");
    if (!Files.isDirectory(privateDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(privateDir)) {
      return files.filter(p -> p.toString().endsWith(".key")).sorted().toList();
    }
  }

  private static String keyId(Path keyFile) {
    return keyFile.getFileName().toString().replace(".key", "");
  }

  @Test
  void keyGenerateWritesWhatDockerWritesAndRefusesWhatDockerRefuses() throws Exception {
    Path theirConfig = config("keygen-docker");
    Path ourConfig = config("keygen-ours");
    Path theirDir = Files.createDirectories(dir.resolve("keygen-docker-out"));
    Path ourDir = Files.createDirectories(dir.resolve("keygen-ours-out"));

    Run theirs = docker(theirConfig, "key", "generate", "alice", "--dir", theirDir.toString()).ok();
    Run mine = ours(ourConfig, "key", "generate", "alice", "--dir", ourDir.toString()).ok();

    assertThat(mine.out()).isEqualTo(theirs.out().replace(theirDir.toString(), ourDir.toString()));
    for (Path pub : List.of(theirDir.resolve("alice.pub"), ourDir.resolve("alice.pub"))) {
      assertThat(Files.getPosixFilePermissions(pub)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\nrole: alice\n\n")
          .endsWith("-----END PUBLIC KEY-----\n");
    }
    List<Path> theirKeys = keyFiles(theirConfig);
    List<Path> ourKeys = keyFiles(ourConfig);
    assertThat(theirKeys).hasSize(1);
    assertThat(ourKeys).hasSize(1);
    // Same headers: role only (a signer key serves any repository), encrypted.
    assertThat(Files.readString(ourKeys.get(0))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\nrole: alice\n\n");
    assertThat(Files.readString(theirKeys.get(0))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\nrole: alice\n\n");
    assertThat(Files.getPosixFilePermissions(ourKeys.get(0))).isEqualTo(PosixFilePermissions.fromString("rw-------"));

    // Refusals: same message on stderr, same exit code, nothing written.
    for (String[] args : List.of(new String[] {"key", "generate", "Alice", "--dir", "DIR"},
        new String[] {"key", "generate", "alice", "--dir", "DIR"},
        new String[] {"key", "generate", "bob", "--dir", "DIR/missing"})) {
      String[] theirArgs = Stream.of(args).map(a -> a.replace("DIR", theirDir.toString())).toArray(String[]::new);
      String[] ourArgs = Stream.of(args).map(a -> a.replace("DIR", ourDir.toString())).toArray(String[]::new);
      Run refused = docker(theirConfig, theirArgs);
      Run ourRefusal = ours(ourConfig, ourArgs);
      assertThat(refused.exit()).isEqualTo(1);
      assertThat(ourRefusal.exit()).isEqualTo(1);
      assertThat(ourRefusal.err()).isEqualTo(refused.err().replace(theirDir.toString(), ourDir.toString()));
      assertThat(ourRefusal.out()).isEqualTo(refused.out());
    }
    assertThat(keyFiles(ourConfig)).hasSize(1);
  }

  @Test
  void signerAddAndInspectPrintWhatDockerPrints() throws Exception {
    Path admin = config("add-docker-admin");
    Path ourAdmin = config("add-our-admin");
    Path keys = Files.createDirectories(dir.resolve("add-keys"));
    docker(admin, "key", "generate", "alice", "--dir", keys.toString()).ok();
    String theirRepo = repo("added-by-docker");
    String ourRepo = repo("added-by-trustyard");

    Run theirs = docker(admin, "signer", "add", "--key", keys.resolve("alice.pub").toString(), "alice", theirRepo).ok();
    Run mine = ours(ourAdmin, "signer", "add", "--key", keys.resolve("alice.pub").toString(), "alice", ourRepo).ok();

    assertThat(theirs.out()).contains("Initializing signed repository for " + theirRepo);
    assertThat(mine.out()).isEqualTo(theirs.out().replace(theirRepo, ourRepo));
    // A second signer on an existing repository: no initialisation.
    ours(ourAdmin, "key", "generate", "bob", "--dir", keys.toString()).ok();
    Run theirSecond = docker(admin, "signer", "add", "--key", keys.resolve("bob.pub").toString(), "bob", theirRepo).ok();
    Run ourSecond = ours(ourAdmin, "signer", "add", "--key", keys.resolve("bob.pub").toString(), "bob", ourRepo).ok();
    assertThat(ourSecond.out()).isEqualTo(theirSecond.out().replace(theirRepo, ourRepo))
        .doesNotContain("Initializing");

    // Each repository inspected by both: the same bytes, plain and pretty.
    Path reader = config("add-reader");
    for (String repo : List.of(theirRepo, ourRepo)) {
      for (List<String> args : List.of(List.of("inspect", repo), List.of("inspect", "--pretty", repo),
          List.of("inspect", repo + ":v1", repo))) {
        Run dockerView = docker(reader, args.toArray(String[]::new)).ok();
        Run ourView = ours(reader, args.toArray(String[]::new)).ok();
        assertThat(ourView.out()).as(String.join(" ", args)).isEqualTo(dockerView.out());
      }
    }
    String pretty = ours(reader, "inspect", "--pretty", ourRepo).ok().out();
    assertThat(pretty).contains("No signatures for " + ourRepo).contains("List of signers and their keys for " + ourRepo)
        .contains("alice").contains("bob").contains("Administrative keys for " + ourRepo);

    // Refusals and a repository without trust data: same stdout, stderr and exit code.
    Run unknownTheirs = docker(reader, "inspect", repo("nothing-here"));
    Run unknownOurs = ours(reader, "inspect", repo("nothing-here"));
    assertThat(unknownOurs.exit()).isEqualTo(unknownTheirs.exit()).isEqualTo(1);
    assertThat(unknownOurs.out()).isEqualTo(unknownTheirs.out()).isEqualTo("[]\n");
    assertThat(unknownOurs.err()).isEqualTo(unknownTheirs.err());
    for (String[] args : List.of(new String[] {"signer", "add", "alice", ourRepo},
        new String[] {"signer", "add", "--key", keys.resolve("alice.pub").toString(), "releases", ourRepo},
        new String[] {"signer", "add", "--key", keys.resolve("alice.pub").toString(), "Alice", ourRepo})) {
      Run refused = docker(admin, args);
      Run ourRefusal = ours(ourAdmin, args);
      assertThat(ourRefusal.exit()).isEqualTo(refused.exit()).isEqualTo(1);
      assertThat(ourRefusal.err()).isEqualTo(refused.err());
    }
  }
}
