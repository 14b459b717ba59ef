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
    if (!Files.exists(tls.resolve("ca.crt"))) {
      Files.copy(stack.caCert, tls.resolve("ca.crt"));
    }
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
    // docker's log lines (logrus warnings about the metadata it reads) are not its command's output.
    String err = r.err().lines().filter(l -> !l.matches("time=\".*\" level=\\w+ msg=.*"))
        .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
    return new Run(r.exitCode(), r.out(), err);
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

  private Run notary(Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", stack.trustUrl(), "--tlscacert", stack.caCert.toString(),
        "-d", trustDir.toString()));
    cmd.addAll(List.of(args));
    Peers.Split r = Peers.run(dir, Map.of("NOTARY_ROOT_PASSPHRASE", ROOT_PASS, "NOTARY_TARGETS_PASSPHRASE", REPO_PASS,
        "NOTARY_DELEGATION_PASSPHRASE", REPO_PASS), "", cmd);
    return new Run(r.exitCode(), r.out(), r.err());
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
  }

  @Test
  void aKeyDockerGeneratedSignsWithOursAndRevokePrintsWhatDockerPrints() throws Exception {
    Path signer = config("carol-docker");
    Path ourSigner = config("carol-ours");
    Path admin = config("carol-admin");
    Path keys = Files.createDirectories(dir.resolve("carol-keys"));
    docker(signer, "key", "generate", "carol", "--dir", keys.toString()).ok();
    Path dockerKey = keyFiles(signer).get(0);
    Path handedOver = keys.resolve("carol.key");
    Files.copy(dockerKey, handedOver);
    Files.setPosixFilePermissions(handedOver, PosixFilePermissions.fromString("rw-------"));

    Run loaded = ours(ourSigner, "key", "load", "--name", "carol", handedOver.toString()).ok();

    assertThat(loaded.out()).isEqualTo("Loading key from \"" + handedOver + "\"...\nSuccessfully imported key from "
        + handedOver + "\n");
    assertThat(keyFiles(ourSigner)).singleElement().satisfies(k -> assertThat(keyId(k)).isEqualTo(keyId(dockerKey)));
    assertThat(Files.readString(keyFiles(ourSigner).get(0))).startsWith(
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nrole: carol\n\n");
    // A key file others may read is refused, as docker refuses it.
    Files.setPosixFilePermissions(handedOver, PosixFilePermissions.fromString("rw-r--r--"));
    Run theirRefusal = docker(config("carol-refuses"), "key", "load", handedOver.toString());
    Run ourRefusal = ours(config("carol-refuses-too"), "key", "load", handedOver.toString());
    assertThat(ourRefusal.exit()).isEqualTo(theirRefusal.exit()).isEqualTo(1);
    assertThat(ourRefusal.out()).isEqualTo(theirRefusal.out());
    assertThat(ourRefusal.err()).isEqualTo(theirRefusal.err());

    List<String> repos = List.of(repo("carol-one"), repo("carol-two"));
    for (String repo : repos) {
      docker(admin, "signer", "add", "--key", keys.resolve("carol.pub").toString(), "carol", repo).ok();
      Path store = storeImage("carol", repo + ":v1", 11);
      Run signed = ours(ourSigner, "sign", "--store", store.toString(), repo + ":v1").ok();
      assertThat(signed.out()).contains("Signing and pushing trust metadata").endsWith("Successfully signed " + repo
          + ":v1\n");
      assertThat(signed.err()).contains("Signing and pushing trust data for local image " + repo + ":v1");
      // docker sees carol's signature on the tag, and our inspect prints the same bytes.
      Run dockerView = docker(config("carol-reader"), "inspect", repo + ":v1").ok();
      var tag = json(dockerView.out()).get(0).get("SignedTags").get(0);
      assertThat(tag.get("SignedTag").asText()).isEqualTo("v1");
      assertThat(tag.get("Signers").toString()).isEqualTo("[\"carol\"]");
      assertThat(ours(config("carol-reader"), "inspect", repo + ":v1").ok().out()).isEqualTo(dockerView.out());
    }

    // Signing a released tag again co-signs the digest already signed (no push).
    Run again = ours(ourSigner, "sign", repos.get(0) + ":v1").ok();
    assertThat(again.out()).isEqualTo("Signing and pushing trust metadata for " + repos.get(0) + ":v1\n"
        + "Existing signatures for tag v1 digest " + json(docker(config("carol-reader"), "inspect", repos.get(0))
            .ok().out()).get(0).get("SignedTags").get(0).get("Digest").asText() + " from:\ncarol\n"
        + "Successfully signed " + repos.get(0) + ":v1\n");

    // Revoke: docker with its own copy of carol's key, ours with the loaded one; same output.
    Run theirs = docker(signer, "revoke", repos.get(0) + ":v1").ok();
    Run mine = ours(ourSigner, "revoke", repos.get(1) + ":v1").ok();
    assertThat(mine.out()).isEqualTo(theirs.out().replace(repos.get(0), repos.get(1)));
    for (String repo : repos) {
      assertThat(json(docker(config("carol-reader"), "inspect", repo).ok().out()).get(0).get("SignedTags")).isEmpty();
    }
    Run theirMissing = docker(signer, "revoke", repos.get(0) + ":v1");
    Run ourMissing = ours(ourSigner, "revoke", repos.get(1) + ":v1");
    assertThat(ourMissing.exit()).isEqualTo(theirMissing.exit()).isEqualTo(1);
    assertThat(ourMissing.err()).isEqualTo(theirMissing.err().replace(repos.get(0), repos.get(1)));

    // Revoking every tag asks first; "n" cancels; -y with nothing left to revoke fails as docker fails.
    Run theirCancel = dockerWithInput(signer, "n\n", "revoke", repos.get(0));
    Run ourCancel = oursWithInput(ourSigner, "n\n", "revoke", repos.get(1));
    assertThat(theirCancel.out()).isEqualTo("Confirm you would like to delete all signature data for " + repos.get(0)
        + "? [y/N] ");
    assertThat(ourCancel.exit()).isEqualTo(theirCancel.exit());
    assertThat(ourCancel.out()).isEqualTo(theirCancel.out().replace(repos.get(0), repos.get(1)));
    assertThat(ourCancel.err()).isEqualTo(theirCancel.err().replace(repos.get(0), repos.get(1)));
    Run theirNone = docker(signer, "revoke", "-y", repos.get(0));
    Run ourNone = ours(ourSigner, "revoke", "-y", repos.get(1));
    assertThat(ourNone.exit()).isEqualTo(theirNone.exit()).isEqualTo(1);
    assertThat(ourNone.err()).isEqualTo(theirNone.err().replace(repos.get(0), repos.get(1)));
  }

  @Test
  void signingANewRepositoryMakesTheRegistryUserItsFirstSigner() throws Exception {
    Path alice = config("first-signer");
    String repo = repo("first-signer");
    Path store = storeImage("first-signer", repo + ":v1", 14);
    Run anonymous = ours(alice, "sign", "--store", store.toString(), repo + ":v1");
    assertThat(anonymous.exit()).isEqualTo(1);
    assertThat(anonymous.err()).contains("not logged in to " + stack.registryHost());
    assertThat(keyFiles(alice)).isEmpty();

    Files.writeString(alice.resolve("config.json"), "{\"auths\":{\"" + stack.registryHost() + "\":{\"auth\":\""
        + java.util.Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
    Run signed = ours(alice, "sign", "--store", store.toString(), repo + ":v1").ok();

    assertThat(signed.out()).startsWith("Created signer: alice\nFinished initializing signed repository for " + repo
        + ":v1\n").endsWith("Successfully signed " + repo + ":v1\n");
    var inspected = json(docker(config("first-signer-reader"), "inspect", repo + ":v1").ok().out()).get(0);
    assertThat(inspected.get("SignedTags").get(0).get("Signers").toString()).isEqualTo("[\"alice\"]");
    assertThat(inspected.get("Signers").get(0).get("Name").asText()).isEqualTo("alice");
    // A digest reference cannot be signed; a missing tag is named.
    Run noTag = ours(alice, "sign", repo);
    Run dockerNoTag = docker(alice, "sign", repo);
    assertThat(noTag.exit()).isEqualTo(dockerNoTag.exit()).isEqualTo(1);
    assertThat(noTag.err()).isEqualTo(dockerNoTag.err());
  }

  @Test
  void aKeyWeGeneratedIsLoadedByDockerAndOurSignatureAsThatSignerShowsInDocker() throws Exception {
    Path ourSigner = config("dave-ours");
    Path dockerSigner = config("dave-docker");
    Path admin = config("dave-admin");
    Path keys = Files.createDirectories(dir.resolve("dave-keys"));
    ours(ourSigner, "key", "generate", "dave", "--dir", keys.toString()).ok();
    String id = keyId(keyFiles(ourSigner).get(0));
    // The notary CLI reads our trust dir and exports the key as notary exports keys for docker.
    Path exported = keys.resolve("dave-export.pem");
    notary(ourSigner.resolve("trust"), "key", "export", "--key", id, "-o", exported.toString()).ok();

    Run loaded = docker(dockerSigner, "key", "load", "--name", "dave", exported.toString()).ok();

    assertThat(loaded.out()).contains("Successfully imported key from " + exported);
    assertThat(keyFiles(dockerSigner)).singleElement().satisfies(k -> assertThat(keyId(k)).isEqualTo(id));
    String repo = repo("dave");
    docker(admin, "signer", "add", "--key", keys.resolve("dave.pub").toString(), "dave", repo).ok();
    Path store = storeImage("dave", repo + ":v2", 12);
    ours(ourSigner, "sign", "--store", store.toString(), repo + ":v2").ok();

    var inspected = json(docker(config("dave-reader"), "inspect", repo).ok().out()).get(0);
    assertThat(inspected.get("SignedTags").get(0).get("SignedTag").asText()).isEqualTo("v2");
    assertThat(inspected.get("SignedTags").get(0).get("Signers").toString()).isEqualTo("[\"dave\"]");
    assertThat(inspected.get("Signers").get(0).get("Keys").get(0).get("ID").asText()).isEqualTo(id);

    // The real notary CLI publishes with the key as docker loaded it, and with our trust dir as we wrote it.
    Path payload = Files.writeString(dir.resolve("dave-payload.txt"), "payload\n");
    notary(dockerSigner.resolve("trust"), "add", repo, "v3", payload.toString(), "-r", "targets/releases",
        "-r", "targets/dave").ok();
    notary(dockerSigner.resolve("trust"), "publish", repo).ok();
    notary(ourSigner.resolve("trust"), "add", repo, "v10", payload.toString(), "-r", "targets/releases",
        "-r", "targets/dave").ok();
    notary(ourSigner.resolve("trust"), "publish", repo).ok();
    String pretty = docker(config("dave-reader"), "inspect", "--pretty", repo).ok().out();
    assertThat(pretty).containsPattern("v2 +[0-9a-f]{64} +dave").containsPattern("v3 +[0-9a-f]{64} +dave")
        .containsPattern("v10 +[0-9a-f]{64} +dave");
    // Tags in docker's natural order: v2, v3, v10.
    assertThat(pretty.indexOf("v3 ")).isLessThan(pretty.indexOf("v10 "));
    assertThat(ours(config("dave-reader"), "inspect", "--pretty", repo).ok().out()).isEqualTo(pretty);
  }

  @Test
  void signerRemoveRemovesTheSignerEvenWhereDockersDoesNot() throws Exception {
    Path admin = config("remove-admin");
    Path ourAdmin = config("remove-our-admin");
    Path erin = config("remove-erin");
    Path keys = Files.createDirectories(dir.resolve("remove-keys"));
    ours(erin, "key", "generate", "erin", "--dir", keys.toString()).ok();
    ours(erin, "key", "generate", "frank", "--dir", keys.toString()).ok();
    String theirRepo = repo("remove-by-docker");
    String ourRepo = repo("remove-by-trustyard");
    docker(admin, "signer", "add", "--key", keys.resolve("erin.pub").toString(), "erin", theirRepo).ok();
    ours(ourAdmin, "signer", "add", "--key", keys.resolve("erin.pub").toString(), "erin", ourRepo).ok();
    for (String repo : List.of(theirRepo, ourRepo)) {
      ours(erin, "sign", "--store", storeImage("erin", repo + ":v1", 13).toString(), repo + ":v1").ok();
    }
    // frank may sign too, but the releases role stands on erin's signature alone.
    docker(admin, "signer", "add", "--key", keys.resolve("frank.pub").toString(), "frank", theirRepo).ok();
    ours(ourAdmin, "signer", "add", "--key", keys.resolve("frank.pub").toString(), "frank", ourRepo).ok();

    // Not the last signer: docker says it removes frank and leaves him; we remove him.
    Run theirs = docker(admin, "signer", "remove", "frank", theirRepo).ok();
    Run mine = ours(ourAdmin, "signer", "remove", "frank", ourRepo).ok();
    assertThat(theirs.out()).isEqualTo("Removing signer \"frank\" from " + theirRepo + "...\n");
    assertThat(mine.out()).isEqualTo(theirs.out().replace(theirRepo, ourRepo) + "Successfully removed frank from "
        + ourRepo + "\n\n");
    assertThat(signers(theirRepo)).contains("frank");
    assertThat(signers(ourRepo)).doesNotContain("frank").contains("erin");
    assertThat(json(docker(config("remove-reader"), "inspect", ourRepo).ok().out()).get(0).get("SignedTags")
        .get(0).get("Signers").toString()).isEqualTo("[\"erin\"]");

    // The last signer of the releases: both ask; "n" keeps, "y" removes.
    Run theirNo = dockerWithInput(admin, "n\n", "signer", "remove", "erin", theirRepo).ok();
    Run ourNo = oursWithInput(ourAdmin, "n\n", "signer", "remove", "erin", ourRepo).ok();
    assertThat(theirNo.out()).contains("The signer \"erin\" signed the last released version of " + theirRepo
        + ". Removing this signer will make " + theirRepo + " unpullable. Are you sure you want to continue? [y/N] ");
    assertThat(ourNo.out()).isEqualTo(theirNo.out().replace(theirRepo, ourRepo));
    assertThat(signers(ourRepo)).contains("erin");
    Run theirYes = dockerWithInput(admin, "y\n", "signer", "remove", "erin", theirRepo).ok();
    Run ourYes = oursWithInput(ourAdmin, "y\n", "signer", "remove", "erin", ourRepo).ok();
    assertThat(ourYes.out()).startsWith(ourNo.out()).endsWith("Successfully removed erin from " + ourRepo + "\n\n");
    assertThat(ourYes.out()).isEqualTo(theirYes.out().replace(theirRepo, ourRepo));
    assertThat(signers(ourRepo)).doesNotContain("erin");

    // Unknown signers and the reserved name are refused as docker refuses them.
    for (String name : List.of("nobody", "releases")) {
      Run refused = docker(admin, "signer", "remove", name, theirRepo);
      Run ourRefusal = ours(ourAdmin, "signer", "remove", name, ourRepo);
      assertThat(ourRefusal.exit()).isEqualTo(refused.exit()).isEqualTo(1);
      assertThat(ourRefusal.out()).isEqualTo(refused.out().replace(theirRepo, ourRepo));
      assertThat(ourRefusal.err()).isEqualTo(refused.err().replace(theirRepo, ourRepo));
    }
  }

  private String signers(String repo) throws Exception {
    return json(docker(config("signers-reader"), "inspect", repo).ok().out()).get(0).get("Signers").toString();
  }
}
