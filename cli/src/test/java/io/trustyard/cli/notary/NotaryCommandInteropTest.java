package io.trustyard.cli.notary;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.Main;
import io.trustyard.cli.notary.NotaryClis.Result;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same commands run by the real Go notary CLI and by {@code trustyard notary} against the same
 * trust server, compared line by line: scripts written for notary must read the same bytes.
 */
class NotaryCommandInteropTest extends NotaryInterop {
  private static final String GUN = "example.com/interop/app";

  @BeforeAll
  void publishWithTheGoCli() throws Exception {
    Path small = dir.resolve("small.txt");
    Files.writeString(small, "small\n");
    Path big = dir.resolve("big.bin");
    Files.write(big, new byte[70_000]);
    Path publisher = dir.resolve("publisher");
    go(publisher, "init", GUN).ok();
    go(publisher, "add", GUN, "v1", small.toString()).ok();
    go(publisher, "add", GUN, "a-much-longer-target-name", big.toString()).ok();
    go(publisher, "publish", GUN).ok();
  }

  @Test
  void listPrintsNotarysTable() throws Exception {
    Result theirs = go(dir.resolve("go-reader"), "list", GUN).ok();
    Result ours = ours(dir.resolve("our-reader"), "list", GUN).ok();
    assertThat(theirs.output()).contains("a-much-longer-target-name").contains("v1");
    assertThat(ours.lines()).containsExactlyElementsOf(theirs.lines());
    // The cache written by the first read serves the second the same way.
    assertThat(ours(dir.resolve("our-reader"), "list", GUN).ok().lines()).containsExactlyElementsOf(theirs.lines());
  }

  @Test
  void lookupPrintsNameDigestAndSize() throws Exception {
    for (String target : List.of("v1", "a-much-longer-target-name")) {
      Result theirs = go(dir.resolve("go-lookup"), "lookup", GUN, target).ok();
      assertThat(ours(dir.resolve("our-lookup"), "lookup", GUN, target).ok().lines())
          .containsExactlyElementsOf(theirs.lines());
    }
    Result missing = go(dir.resolve("go-lookup"), "lookup", GUN, "no-such-target");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(ours(dir.resolve("our-lookup"), "lookup", GUN, "no-such-target").output()).isEqualTo(missing.output());
  }

  @Test
  void keyListOfTheSameTrustDirIsIdentical() throws Exception {
    Path publisher = dir.resolve("publisher");
    Result theirs = go(publisher, "key", "list").ok();
    assertThat(theirs.output()).contains("root").contains("targets").contains("snapshot").contains(GUN);
    assertThat(ours(publisher, "key", "list").ok().output()).isEqualTo(theirs.output());
  }

  @Test
  void keyListOfAnEmptyTrustDirSaysSo() throws Exception {
    Result theirs = go(dir.resolve("empty-go"), "key", "list").ok();
    assertThat(theirs.output()).contains("No signing keys found.");
    assertThat(ours(dir.resolve("empty-ours"), "key", "list").ok().output()).isEqualTo(theirs.output());
  }

  @Test
  void anUnknownRepositoryIsFatalWithExitStatusOne() throws Exception {
    Result theirs = go(dir.resolve("go-missing"), "list", "example.com/interop/missing");
    Result ours = ours(dir.resolve("our-missing"), "list", "example.com/interop/missing");
    assertThat(theirs.exit()).isEqualTo(1);
    assertThat(ours.exit()).isEqualTo(1);
    assertThat(theirs.output()).contains("* fatal: ").contains("does not have trust data for example.com/interop/missing");
    assertThat(ours.output()).isEqualTo(theirs.output());
  }

  @Test
  void theConfigFileGivesServerCaAndTrustDir() throws Exception {
    Path configDir = Files.createDirectories(dir.resolve("configured"));
    Files.copy(server.caCert, configDir.resolve("ca.crt"));
    Path config = configDir.resolve("config.json");
    Files.writeString(config, """
        {"trust_dir": "%s", "remote_server": {"url": "%s", "root_ca": "ca.crt"}}
        """.formatted(configDir.resolve("trust"), server.url));
    Result theirs = run(List.of("notary", "-c", config.toString(), "list", GUN)).ok();
    Result ours = ours(List.of("-c", config.toString(), "list", GUN)).ok();
    assertThat(ours.lines()).containsExactlyElementsOf(theirs.lines());
    assertThat(configDir.resolve("trust/tuf/" + GUN + "/metadata/root.json")).exists();
  }

  @Test
  void aMissingConfigFileIsFatal() throws Exception {
    Path missing = dir.resolve("no-such-config.json");
    Result theirs = run(List.of("notary", "-c", missing.toString(), "list", GUN));
    Result ours = ours(List.of("-c", missing.toString(), "list", GUN));
    assertThat(theirs.exit()).isEqualTo(1);
    assertThat(ours.exit()).isEqualTo(1);
    assertThat(ours.output()).isEqualTo(theirs.output());
  }

  @Test
  void trustyardIsTheNotaryCommandsHome() {
    assertThat(Main.newCommandLine().getSubcommands()).containsKey("notary");
  }

  @Test
  void addAndPublishPrintWhatNotaryPrintsAndNotaryReadsWhatWePublished() throws Exception {
    Path payload = dir.resolve("payload.txt");
    Files.writeString(payload, "published by trustyard\n");
    String goGun = "example.com/interop/by-go";
    String ourGun = "example.com/interop/by-trustyard";
    Path goDir = dir.resolve("go-writer");
    Path ourDir = dir.resolve("our-writer");
    List<String> theirs = new ArrayList<>();
    theirs.addAll(go(goDir, "add", goGun, "v1", payload.toString()).ok().lines());
    theirs.addAll(go(goDir, "publish", goGun).ok().lines());
    List<String> ours = new ArrayList<>();
    ours.addAll(ours(ourDir, "add", ourGun, "v1", payload.toString()).ok().lines());
    ours.addAll(ours(ourDir, "publish", ourGun).ok().lines());
    assertThat(ours).containsExactlyElementsOf(theirs.stream().map(l -> l.replace(goGun, ourGun)).toList());
    assertThat(ourDir.resolve("tuf/" + ourGun + "/changelist")).isEmptyDirectory();

    Result goReads = go(dir.resolve("go-reads-ours"), "list", ourGun).ok();
    assertThat(goReads.output()).contains("v1").contains("targets");
    Result goReadsGo = go(dir.resolve("go-reads-go"), "list", goGun).ok();
    assertThat(goReads.lines()).containsExactlyElementsOf(goReadsGo.lines());
    assertThat(ours(dir.resolve("we-read-ours"), "list", ourGun).ok().lines()).containsExactlyElementsOf(goReads.lines());
  }

  @Test
  void stagedChangesAreListedByStatusAsNotaryListsThem() throws Exception {
    Path payload = dir.resolve("staged.txt");
    Files.writeString(payload, "staged\n");
    String gun = "example.com/interop/staged";
    List<String> theirs = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    theirs.addAll(go(dir.resolve("go-staging"), "status", gun).ok().lines());
    ours.addAll(ours(dir.resolve("our-staging"), "status", gun).ok().lines());
    theirs.addAll(go(dir.resolve("go-staging"), "add", gun, "v2", payload.toString()).ok().lines());
    ours.addAll(ours(dir.resolve("our-staging"), "add", gun, "v2", payload.toString()).ok().lines());
    theirs.addAll(go(dir.resolve("go-staging"), "remove", gun, "v1").ok().lines());
    ours.addAll(ours(dir.resolve("our-staging"), "remove", gun, "v1").ok().lines());
    theirs.addAll(go(dir.resolve("go-staging"), "status", gun).ok().lines());
    ours.addAll(ours(dir.resolve("our-staging"), "status", gun).ok().lines());
    assertThat(theirs).contains("Removal of v1 from " + gun + " staged for next publish.");
    assertThat(ours).containsExactlyElementsOf(theirs);
    // Each reads the other's staged changes.
    assertThat(go(dir.resolve("our-staging"), "status", gun).ok().lines()).containsExactlyElementsOf(
        ours(dir.resolve("go-staging"), "status", gun).ok().lines());
  }

  @Test
  void deleteRemoteRemovesTheTrustDataAsNotaryDoes() throws Exception {
    Path payload = dir.resolve("doomed.txt");
    Files.writeString(payload, "doomed\n");
    String goGun = "example.com/interop/doomed-by-go";
    String ourGun = "example.com/interop/doomed-by-trustyard";
    for (String gun : List.of(goGun, ourGun)) {
      go(dir.resolve("doomed-publisher"), "add", gun, "v1", payload.toString()).ok();
      go(dir.resolve("doomed-publisher"), "publish", gun).ok();
    }
    Result theirs = go(dir.resolve("doomed-publisher"), "delete", goGun, "--remote").ok();
    Result ours = ours(dir.resolve("doomed-publisher"), "delete", ourGun, "--remote").ok();
    assertThat(ours.lines()).containsExactlyElementsOf(theirs.lines().stream().map(l -> l.replace(goGun, ourGun)).toList());
    assertThat(dir.resolve("doomed-publisher/tuf/" + ourGun)).doesNotExist();
    Result gone = go(dir.resolve("doomed-reader"), "list", ourGun);
    assertThat(gone.exit()).isEqualTo(1);
    assertThat(gone.output()).contains("does not have trust data for " + ourGun);
  }

  /**
   * A script's whole session (init, add, publish, delegation add, key rotate, list, lookup, verify,
   * remove, delete) run once by notary and once by us, each on a GUN and trust dir of its own:
   * every step prints the same lines and exits the same way, GUNs and key IDs normalised.
   */
  @Test
  void aScriptedSessionPrintsWhatNotaryPrints() throws Exception {
    Path content = dir.resolve("session.txt");
    Files.writeString(content, "released content\n");
    SecureRandom random = new SecureRandom();
    TufPrivateKey delegate = TufKeys.generate(KeyType.ECDSA, random);
    Path delegateCert = dir.resolve("session-delegate.crt");
    Instant now = Instant.now();
    Files.write(delegateCert, RootCertificates.toPem(List.of(
        RootCertificates.create(delegate, "releases", now, now.plus(Duration.ofDays(365)), random))));
    List<String[]> script = List.of(
        new String[] {"init", "{gun}"},
        new String[] {"add", "{gun}", "v1", content.toString()},
        new String[] {"publish", "{gun}"},
        new String[] {"delegation", "add", "{gun}", "targets/releases", delegateCert.toString(), "--all-paths", "-p"},
        new String[] {"key", "rotate", "{gun}", "snapshot", "-r"},
        new String[] {"key", "rotate", "{gun}", "targets"},
        new String[] {"delegation", "list", "{gun}"},
        new String[] {"list", "{gun}"},
        new String[] {"lookup", "{gun}", "v1"},
        new String[] {"verify", "{gun}", "v1"},
        new String[] {"remove", "{gun}", "v1", "-p"},
        new String[] {"list", "{gun}"},
        new String[] {"delete", "{gun}", "--remote"},
        new String[] {"list", "{gun}"});
    byte[] stdin = Files.readAllBytes(content);
    List<String> theirs = session(script, "example.com/session/by-go", (args, trustDir) ->
        clis.goWithInput(stdin, trustDir, args));
    List<String> ours = session(script, "example.com/session/by-trustyard", (args, trustDir) ->
        clis.oursWithInput(stdin, trustDir, args));
    assertThat(theirs).contains("released content").contains("Successfully rotated targets key for repository <GUN>")
        .anyMatch(l -> l.startsWith("targets/releases"));
    assertThat(ours).containsExactlyElementsOf(theirs);
  }

  /**
   * The transcript of a script: each step's command line, exit status and output lines, with the
   * GUN as {@code <GUN>} and each 64-hex ID as {@code <ID n>} numbered by first appearance (so an
   * ID repeated across steps must repeat in both transcripts).
   */
  private List<String> session(List<String[]> script, String gun,
      java.util.function.BiFunction<String[], Path, Result> cli) {
    Path trustDir = dir.resolve("session-" + gun.replace('/', '-'));
    List<String> transcript = new ArrayList<>();
    java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
    java.util.regex.Pattern hex = java.util.regex.Pattern.compile("\\b[0-9a-f]{64}\\b");
    for (String[] step : script) {
      String[] args = java.util.Arrays.stream(step).map(a -> a.replace("{gun}", gun)).toArray(String[]::new);
      Result r = cli.apply(args, trustDir);
      transcript.add("$ notary " + String.join(" ", step).replace(dir.toString(), "<DIR>") + "  => exit " + r.exit());
      for (String line : r.lines()) {
        String normalised = hex.matcher(line.replace(gun, "<GUN>")).replaceAll(m ->
            ids.computeIfAbsent(m.group(), k -> "<ID " + (ids.size() + 1) + ">"));
        transcript.add(normalised);
      }
    }
    return transcript;
  }

  private Result go(Path trustDir, String... args) {
    return clis.go(trustDir, args);
  }

  private Result run(List<String> cmd) {
    return clis.run(cmd);
  }

  private Result ours(Path trustDir, String... args) {
    return clis.ours(trustDir, args);
  }

  private Result ours(List<String> args) {
    return clis.ours(args);
  }
}
