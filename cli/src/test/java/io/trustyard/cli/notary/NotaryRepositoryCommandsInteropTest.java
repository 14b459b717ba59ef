package io.trustyard.cli.notary;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.notary.NotaryClis.Result;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository commands (init, add, addhash, remove, reset, verify, -p) run by the real notary
 * CLI and by {@code trustyard notary}: same output and exit status, the same staged changes on
 * disk, and each CLI publishing what the other initialised or staged.
 */
class NotaryRepositoryCommandsInteropTest extends NotaryInterop {
  private static final String BASE = "example.com/repo-commands/";

  /** Runs {@code args} with both CLIs, each in its own trust dir, {@code {gun}} standing for a GUN of its own. */
  private record Both(Result go, Result ours) {}

  private Both both(String name, String... args) {
    return new Both(clis.go(dir.resolve("go-" + name), with(args, BASE + "go-" + name)),
        clis.ours(dir.resolve("our-" + name), with(args, BASE + "our-" + name)));
  }

  private static String[] with(String[] args, String gun) {
    return Stream.of(args).map(a -> a.replace("{gun}", gun)).toArray(String[]::new);
  }

  private static List<String> normalised(Result r, String name) {
    return r.lines().stream().map(l -> l.replace(BASE + "go-" + name, "GUN").replace(BASE + "our-" + name, "GUN")).toList();
  }

  private static void sameOutput(Both b, String name) {
    assertThat(b.ours.exit()).as(b.ours.output()).isEqualTo(b.go.exit());
    assertThat(normalised(b.ours, name)).containsExactlyElementsOf(normalised(b.go, name));
  }

  @Test
  void usageMistakesExitWithStatusOneAndNotarysMessage() {
    List<List<String>> cases = List.of(List.of("list"), List.of("reset", "some/gun"),
        List.of("addhash", "some/gun", "t", "3"), List.of("list", "some/gun", "--bogus"), List.of("frob"),
        List.of("remove", "some/gun"), List.of("verify", "some/gun"), List.of("init"));
    for (List<String> args : cases) {
      Result theirs = clis.go(dir.resolve("usage-go"), args.toArray(String[]::new)).failed();
      Result ours = clis.ours(dir.resolve("usage-ours"), args.toArray(String[]::new));
      assertThat(ours.exit()).as(args + ": " + ours.output()).isEqualTo(1);
      assertThat(ours.lastLine()).as(args.toString()).isEqualTo(theirs.lastLine()).startsWith("* fatal: ");
    }
    // The trustyard program reports them the same way under "notary", and only there.
    String[] args = {"notary", "list"};
    var out = new java.io.StringWriter();
    picocli.CommandLine main = io.trustyard.cli.Main.newCommandLine(args);
    main.setOut(new java.io.PrintWriter(out, true));
    main.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
    assertThat(main.execute(args)).isEqualTo(1);
    assertThat(out.toString()).endsWith("\n* fatal: Must specify a GUN\n");
    String[] other = {"image", "--no-such-flag"};
    picocli.CommandLine image = io.trustyard.cli.Main.newCommandLine(other);
    image.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
    assertThat(image.execute(other)).isEqualTo(2);
  }

  @Test
  void stagingWritesTheChangesNotaryWrites() throws IOException {
    Path file = Files.writeString(dir.resolve("staged-content.txt"), "staged content\n");
    Path custom = Files.writeString(dir.resolve("custom.json"), "{ \"a\" : [1, 2.50, \"x y\"],\n \"b\": {} }\n");
    String sha256 = HexFormat.of().formatHex(sha("SHA-256", "staged content\n"));
    String name = "staging";
    List<Both> steps = List.of(
        both(name, "add", "{gun}", "v1", file.toString(), "-r", "targets/a,targets/b", "--custom", custom.toString()),
        both(name, "add", "{gun}", "v2", file.toString()),
        both(name, "addhash", "{gun}", "v3", "0x10", "--sha256", sha256, "-r", "targets/a"),
        both(name, "remove", "{gun}", "v0", "-r", "targets/b"),
        both(name, "status", "{gun}"));
    for (Both step : steps) {
      sameOutput(step, name);
    }
    assertThat(steps.get(4).go.output()).contains("targets/a").contains("delete");
    List<String> goChanges = changes(dir.resolve("go-" + name), BASE + "go-" + name);
    assertThat(goChanges).hasSize(5);
    assertThat(changes(dir.resolve("our-" + name), BASE + "our-" + name)).containsExactlyElementsOf(goChanges);
  }

  @Test
  void badStagingInputIsFatalAndStagesNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("bad-content.txt"), "x");
    Path notJson = Files.writeString(dir.resolve("not-json.json"), "not json");
    String name = "bad";
    for (String[] args : List.of(
        new String[] {"add", "{gun}", "v1", file.toString(), "-r", "releases"},
        new String[] {"add", "{gun}", "v1", dir.resolve("missing.txt").toString()},
        new String[] {"addhash", "{gun}", "v1", "3", "--sha256", "abc"},
        new String[] {"addhash", "{gun}", "v1", "1x0", "--sha256", "ab".repeat(32)},
        new String[] {"remove", "{gun}", "v1", "-r", "root"})) {
      sameOutput(both(name, args), name);
    }
    Result ours = clis.ours(dir.resolve("our-" + name), "add", BASE + "our-bad", "v1", file.toString(), "--custom",
        notJson.toString());
    assertThat(ours.exit()).isEqualTo(1);
    assertThat(ours.lastLine()).startsWith("* fatal: custom data in ");
    assertThat(changes(dir.resolve("our-" + name), BASE + "our-" + name)).isEmpty();
    assertThat(changes(dir.resolve("go-" + name), BASE + "go-" + name)).isEmpty();
  }

  @Test
  void resetDropsTheNumberedChangesOrAll() throws IOException {
    Path file = Files.writeString(dir.resolve("reset-content.txt"), "reset");
    String name = "reset";
    for (String target : List.of("a", "b", "c", "d")) {
      sameOutput(both(name, "add", "{gun}", target, file.toString()), name);
    }
    sameOutput(both(name, "reset", "{gun}", "-n", "0,2,9"), name);
    Both status = both(name, "status", "{gun}");
    sameOutput(status, name);
    assertThat(status.go.output()).contains("    b\n").contains("    d\n").doesNotContain("    a\n");
    sameOutput(both(name, "reset", "{gun}", "--all"), name);
    Both empty = both(name, "status", "{gun}");
    sameOutput(empty, name);
    assertThat(empty.go.output()).startsWith("No unpublished changes for ");
  }

  @Test
  void eachPublishesWhatTheOtherInitialisedAndStaged() throws IOException {
    Path file = Files.writeString(dir.resolve("init-content.txt"), "initialised\n");
    String goFirst = BASE + "init-by-go";
    String oursFirst = BASE + "init-by-ours";
    Path goDir = dir.resolve("init-go");
    Path ourDir = dir.resolve("init-ours");
    // notary init + add, then our publish; our init + add, then notary's publish.
    List<String> theirs = new ArrayList<>();
    theirs.addAll(clis.go(goDir, "init", goFirst).ok().lines());
    theirs.addAll(clis.go(goDir, "add", goFirst, "v1", file.toString()).ok().lines());
    theirs.addAll(clis.ours(goDir, "publish", goFirst).ok().lines());
    List<String> ours = new ArrayList<>();
    ours.addAll(clis.ours(ourDir, "init", oursFirst).ok().lines());
    ours.addAll(clis.ours(ourDir, "add", oursFirst, "v1", file.toString()).ok().lines());
    ours.addAll(clis.go(ourDir, "publish", oursFirst).ok().lines());
    assertThat(ours).containsExactlyElementsOf(theirs.stream().map(l -> l.replace(goFirst, oursFirst)).toList());
    assertThat(ourDir.resolve("tuf/" + oursFirst + "/metadata/root.json")).exists();

    Result goList = clis.go(dir.resolve("init-reader-go"), "list", goFirst).ok();
    assertThat(goList.output()).contains("v1");
    Result oursList = clis.go(dir.resolve("init-reader-go"), "list", oursFirst).ok();
    assertThat(oursList.lines()).containsExactlyElementsOf(goList.lines());

    // A second init in the same trust dir reuses its root key, and says so in the same words.
    Result goAgain = clis.go(goDir, "init", BASE + "init-again").ok();
    Result oursAgain = clis.ours(goDir, "init", BASE + "init-again-ours").ok();
    assertThat(goAgain.lines()).singleElement().asString().startsWith("Root key found, using: ");
    assertThat(oursAgain.lines()).containsExactlyElementsOf(goAgain.lines());
  }

  @Test
  void initWithAnImportedRootKeyAndCertificate() throws IOException {
    SecureRandom random = new SecureRandom();
    TufPrivateKey root = TufKeys.generate(KeyType.ECDSA, random);
    Path keyFile = dir.resolve("offline-root.key");
    Files.write(keyFile, EncryptedKeyFiles.write(root, "root", "", "root-pass-1234".toCharArray(), random));
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    Path plainKey = dir.resolve("plain-root.key");
    Files.write(plainKey, EncryptedKeyFiles.writeUnencrypted(root, "root", ""));
    BiFunction<String, String, Path> cert = (gun, name) -> {
      Instant now = Instant.now();
      Path p = dir.resolve(name);
      try {
        Files.write(p, RootCertificates.toPem(List.of(RootCertificates.create(root, gun, now,
            now.plus(Duration.ofDays(365)), random))));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      return p;
    };
    String name = "rootkey";
    Path goCert = cert.apply(BASE + "go-" + name, "go-root.crt");
    Path ourCert = cert.apply(BASE + "our-" + name, "our-root.crt");
    Result theirs = clis.go(dir.resolve("go-" + name), "init", BASE + "go-" + name, "--rootkey", keyFile.toString(),
        "--rootcert", goCert.toString(), "-p").ok();
    Result ours = clis.ours(dir.resolve("our-" + name), "init", BASE + "our-" + name, "--rootkey",
        keyFile.toString(), "--rootcert", ourCert.toString(), "-p").ok();
    assertThat(theirs.lines()).contains("Root key found, using: " + root.canonicalId());
    assertThat(normalised(ours, name)).containsExactlyElementsOf(normalised(theirs, name));
    // The published root holds the certificate given, and the key was imported encrypted.
    String published = Files.readString(dir.resolve("our-" + name + "/tuf/" + BASE + "our-" + name
        + "/metadata/root.json"));
    String certBase64 = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(ourCert));
    assertThat(published).contains(certBase64);
    assertThat(EncryptedKeyFiles.isEncrypted(Files.readAllBytes(dir.resolve("our-" + name + "/private/"
        + root.canonicalId() + ".key")))).isTrue();
    assertThat(clis.go(dir.resolve("rootkey-reader"), "list", BASE + "our-" + name).ok().output())
        .contains("No targets present in this repository.");

    Both unencrypted = both("plain", "init", "{gun}", "--rootkey", plainKey.toString());
    sameOutput(unencrypted, "plain");
    assertThat(unencrypted.go.lastLine()).isEqualTo("* fatal: only encrypted root keys may be imported");
  }

  @Test
  void verifyEchoesOnlyContentThatMatches() throws IOException {
    byte[] content = "content to verify\n\u0000\u00ff binary too".getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("verify-content.bin");
    Files.write(file, content);
    String gun = BASE + "verify";
    Path publisher = dir.resolve("verify-publisher");
    clis.go(publisher, "add", gun, "v1", file.toString()).ok();
    clis.go(publisher, "publish", gun).ok();

    Result theirs = clis.goWithInput(content, dir.resolve("verify-go"), "verify", gun, "v1").ok();
    Result ours = clis.oursWithInput(content, dir.resolve("verify-ours"), "verify", gun, "v1").ok();
    assertThat(theirs.stdout()).isEqualTo(content);
    assertThat(ours.stdout()).isEqualTo(content);

    byte[] tampered = "content to verify, tampered".getBytes(StandardCharsets.UTF_8);
    for (String target : List.of("v1", "missing")) {
      Result goBad = clis.goWithInput(tampered, dir.resolve("verify-go"), "verify", gun, target).failed();
      Result ourBad = clis.oursWithInput(tampered, dir.resolve("verify-ours"), "verify", gun, target);
      assertThat(ourBad.exit()).isEqualTo(1);
      // Which hash notary checks first varies from run to run (a Go map): the algorithm is normalised.
      assertThat(anyHash(ourBad.output())).isEqualTo(anyHash(goBad.output()));
      assertThat(ourBad.output()).doesNotContain("tampered");
    }

    assertThat(clis.oursWithInput(content, dir.resolve("verify-ours"), "verify", gun, "v1", "-q").ok().stdout()).isEmpty();
    Path out = dir.resolve("verified.bin");
    assertThat(clis.ours(dir.resolve("verify-ours"), "verify", gun, "v1", "-i", file.toString(), "-o",
        out.toString()).ok().stdout()).isEmpty();
    assertThat(Files.readAllBytes(out)).isEqualTo(content);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
  }

  @Test
  void publishFlagPublishesRightAway() throws IOException {
    Path file = Files.writeString(dir.resolve("auto-content.txt"), "auto\n");
    String name = "auto";
    Both added = both(name, "add", "{gun}", "v1", file.toString(), "-p");
    sameOutput(added, name);
    assertThat(added.go.lines()).contains("Auto-publishing changes to " + BASE + "go-" + name);
    Result goReads = clis.go(dir.resolve("auto-reader"), "list", BASE + "go-" + name).ok();
    Result goReadsOurs = clis.go(dir.resolve("auto-reader"), "list", BASE + "our-" + name).ok();
    assertThat(goReadsOurs.lines()).containsExactlyElementsOf(goReads.lines()).anyMatch(l -> l.startsWith("v1 "));
    sameOutput(both(name, "remove", "{gun}", "v1", "-p"), name);
    assertThat(clis.go(dir.resolve("auto-reader"), "list", BASE + "our-" + name).ok().output())
        .contains("No targets present in this repository.");
  }

  @Test
  void debugAndVerboseWriteToStandardErrorOnly() throws IOException {
    Path file = Files.writeString(dir.resolve("debug-content.txt"), "debug\n");
    String gun = BASE + "debug";
    clis.go(dir.resolve("debug-publisher"), "add", gun, "v1", file.toString(), "-p").ok();
    Result quiet = clis.ours(dir.resolve("debug-ours"), "list", gun).ok();
    for (String flag : List.of("-D", "-v")) {
      Result theirs = clis.go(dir.resolve("debug-go"), flag, "list", gun).ok();
      Result ours = clis.ours(dir.resolve("debug-ours"), flag, "list", gun).ok();
      assertThat(ours.lines()).containsExactlyElementsOf(theirs.lines()).containsExactlyElementsOf(quiet.lines());
    }
    assertThat(clis.ours(dir.resolve("debug-ours"), "-D", "list", gun).stderr())
        .contains("Using the following trust directory: " + dir.resolve("debug-ours"));
    assertThat(quiet.stderr()).isEmpty();
  }

  @Test
  void customDataStagedByNotaryIsPublishedByUs() throws IOException {
    Path custom = Files.writeString(dir.resolve("cross-custom.json"), "{\"build\": 42, \"by\": \"ci\"}");
    String gun = BASE + "cross-custom";
    Path trustDir = dir.resolve("cross-custom");
    String sha256 = HexFormat.of().formatHex(sha("SHA-256", "cross"));
    clis.go(trustDir, "init", gun).ok();
    clis.go(trustDir, "addhash", gun, "v1", "5", "--sha256", sha256, "--custom", custom.toString()).ok();
    clis.ours(trustDir, "publish", gun).ok();
    assertThat(clis.go(dir.resolve("cross-custom-reader"), "lookup", gun, "v1").ok().output())
        .isEqualTo("v1 sha256:" + sha256 + " 5\n");
    // notary cached what the server served: our signed targets, with the custom data as staged.
    String targets = Files.readString(dir.resolve("cross-custom-reader/tuf/" + gun + "/metadata/targets.json"));
    assertThat(targets).contains("\"custom\":{\"build\":42,\"by\":\"ci\"}");
  }

  @Test
  void versionHasNotarysLayout() {
    Result theirs = clis.go(dir.resolve("version-go"), "version").ok();
    Result ours = clis.ours(dir.resolve("version-ours"), "version").ok();
    assertThat(ours.lines()).hasSameSizeAs(theirs.lines());
    assertThat(ours.lines().get(0)).isEqualTo(theirs.lines().get(0));
    assertThat(ours.lines().get(1)).startsWith(" Version:    ");
    assertThat(clis.ours(List.of("--version")).ok().output()).startsWith("notary Version: ");
  }

  private static String anyHash(String fatal) {
    return fatal.replaceAll("sha(256|512) checksum for (\\S+) did not match: expected [0-9a-f]+",
        "SHA checksum for $2 did not match");
  }

  /** The staged change files of a GUN, in order, as bytes (their names hold a time and a UUID). */
  private static List<String> changes(Path trustDir, String gun) throws IOException {
    Path changelist = trustDir.resolve("tuf/" + gun + "/changelist");
    if (!Files.isDirectory(changelist)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(changelist)) {
      return files.sorted().map(f -> {
        try {
          return Files.readString(f);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }).toList();
    }
  }

  private static byte[] sha(String alg, String s) {
    try {
      return java.security.MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
