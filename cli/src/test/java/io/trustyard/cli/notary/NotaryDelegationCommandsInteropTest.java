package io.trustyard.cli.notary;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.notary.NotaryClis.Result;
import io.trustyard.client.trust.PublicKeyFiles;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code trustyard notary delegation ...} and {@code witness} against the real Go notary CLI: the
 * same commands print the same bytes, changes staged by one are published by the other, and a
 * delegation added by one is signed into by the other.
 */
class NotaryDelegationCommandsInteropTest extends NotaryInterop {
  /** The delegate's private key, unencrypted as one is handed over for {@code key import}. */
  private Path releaseKey;
  private Path releaseCert;
  private Path releasePub;
  private String releaseId;

  @BeforeAll
  void makeReleaseKey() throws Exception {
    SecureRandom random = new SecureRandom();
    TufPrivateKey key = TufKeys.generate(KeyType.ECDSA, random);
    releaseId = key.canonicalId();
    releaseKey = dir.resolve("release.key");
    Files.write(releaseKey, EncryptedKeyFiles.writeUnencrypted(key, "", ""));
    releaseCert = dir.resolve("release.crt");
    Instant now = Instant.now();
    Files.write(releaseCert, RootCertificates.toPem(List.of(
        RootCertificates.create(key, "releases", now, now.plus(Duration.ofDays(365)), random))));
    releasePub = dir.resolve("release.pub");
    Files.write(releasePub, PublicKeyFiles.write(key.publicKey(), "releases"));
  }

  /**
   * A repository published by the Go CLI in {@code name}, copied to {@code name-copy} (same keys).
   * The server signs its snapshots, so delegates publish without the snapshot key.
   */
  private Path[] publishedByGo(String gun, String name) throws Exception {
    Path trustDir = dir.resolve(name);
    goPublishes(trustDir, gun, "v0");
    clis.go(trustDir, "key", "rotate", gun, "snapshot", "-r").ok();
    Path copy = dir.resolve(name + "-copy");
    copyTree(trustDir, copy);
    return new Path[] {trustDir, copy};
  }

  @Test
  void delegationAddedByUsIsPublishedByNotaryAndSignedIntoByIt() throws Exception {
    String gun = "example.com/delegations/added-by-us";
    Path[] dirs = publishedByGo(gun, "added-by-us");
    Result theirs = clis.go(dirs[0], "delegation", "add", gun, "targets/releases", releaseCert.toString(), "--all-paths").ok();
    Result ours = clis.ours(dirs[1], "delegation", "add", gun, "targets/releases", releaseCert.toString(), "--all-paths").ok();
    assertThat(theirs.output()).contains("Addition of delegation role targets/releases with keys [" + releaseId + "]");
    assertThat(ours.lines()).containsExactlyElementsOf(theirs.lines());
    assertThat(clis.ours(dirs[1], "status", gun).ok().lines()).containsExactlyElementsOf(clis.go(dirs[0], "status", gun).ok().lines());
    // notary publishes what we staged.
    clis.go(dirs[1], "publish", gun).ok();
    Result goList = clis.go(dir.resolve("added-by-us-go-reader"), "delegation", "list", gun).ok();
    assertThat(goList.output()).contains("targets/releases").contains("\"\" <all paths>").contains(releaseId);
    assertThat(clis.ours(dir.resolve("added-by-us-our-reader"), "delegation", "list", gun).ok().lines())
        .containsExactlyElementsOf(goList.lines());
    // The delegate signs a target into it with notary.
    Path delegate = dir.resolve("added-by-us-delegate");
    clis.go(delegate, "key", "import", releaseKey.toString(), "-r", "targets/releases").ok();
    clis.go(delegate, "add", "-r", "targets/releases", gun, "v1", payload.toString()).ok();
    clis.go(delegate, "publish", gun).ok();
    Result listed = clis.go(dir.resolve("added-by-us-go-reader"), "list", gun).ok();
    assertThat(listed.output()).containsPattern("v1 +[0-9a-f]{64} +8 +targets/releases");
    assertThat(clis.ours(dir.resolve("added-by-us-our-reader"), "list", gun).ok().lines())
        .containsExactlyElementsOf(listed.lines());
  }

  @Test
  void delegationAddedByNotaryIsPublishedByUsAndSignedIntoByUs() throws Exception {
    String gun = "example.com/delegations/added-by-go";
    Path owner = dir.resolve("added-by-go");
    wePublish(owner, gun, "v0");
    // A delegate publishes without the snapshot key: the server signs snapshots.
    clis.ours(owner, "key", "rotate", gun, "snapshot", "-r").ok();
    clis.go(owner, "delegation", "add", gun, "targets/releases", releasePub.toString(), "--paths", "rel/,beta/").ok();
    clis.ours(owner, "publish", gun).ok();
    Result goList = clis.go(dir.resolve("added-by-go-go-reader"), "delegation", "list", gun).ok();
    assertThat(goList.output()).contains("targets/releases").contains("beta/").contains("rel/").contains(releaseId);
    assertThat(clis.ours(dir.resolve("added-by-go-our-reader"), "delegation", "list", gun).ok().lines())
        .containsExactlyElementsOf(goList.lines());
    // We sign a target into it with the delegate's imported key.
    Path delegate = dir.resolve("added-by-go-delegate");
    clis.ours(delegate, "key", "import", releaseKey.toString(), "-r", "targets/releases").ok();
    clis.ours(delegate, "add", gun, "rel/v1", payload.toString(), "-r", "targets/releases").ok();
    clis.ours(delegate, "publish", gun).ok();
    Result listed = clis.go(dir.resolve("added-by-go-go-reader"), "list", gun).ok();
    assertThat(listed.output()).containsPattern("rel/v1 +[0-9a-f]{64} +8 +targets/releases");
    assertThat(clis.ours(dir.resolve("added-by-go-our-reader"), "list", gun).ok().lines())
        .containsExactlyElementsOf(listed.lines());
  }

  @Test
  void removalsAndPurgesPrintAndStageWhatNotaryDoes() throws Exception {
    String gun = "example.com/delegations/removed";
    Path[] dirs = publishedByGo(gun, "removed");
    clis.go(dirs[0], "delegation", "add", gun, "targets/releases", releasePub.toString(), "--paths", "a/,b/", "-p").ok();
    Path go = dirs[0];
    Path ours = dir.resolve("removed-ours");
    copyTree(go, ours);
    List<List<String>> commands = List.of(
        List.of("delegation", "remove", gun, "targets/releases", releaseId),
        List.of("delegation", "remove", gun, "targets/releases", "--paths", "a/"),
        List.of("delegation", "remove", gun, "targets/releases", "--all-paths"),
        List.of("delegation", "remove", gun, "targets/releases", "-y"),
        List.of("delegation", "purge", gun, "--key", releaseId),
        List.of("witness", gun, "targets", "targets/releases"),
        List.of("status", gun));
    List<String> theirs = new ArrayList<>();
    List<String> mine = new ArrayList<>();
    for (List<String> command : commands) {
      theirs.addAll(clis.go(go, command.toArray(String[]::new)).ok().lines());
      mine.addAll(clis.ours(ours, command.toArray(String[]::new)).ok().lines());
    }
    assertThat(theirs).contains("Forced removal (including all keys and paths) of delegation role targets/releases"
        + " to repository \"" + gun + "\" staged for next publish.");
    assertThat(mine).containsExactlyElementsOf(theirs);
    // Without -y the whole-delegation removal asks, and "no" stages nothing.
    Result goNo = clis.go(Map.of(), "no\n", go, "delegation", "remove", gun, "targets/releases");
    Result ourNo = clis.ours(Map.of(), "no\n", ours, "delegation", "remove", gun, "targets/releases");
    assertThat(ourNo.exit()).isEqualTo(goNo.exit()).isEqualTo(1);
    assertThat(ourNo.lines()).containsExactlyElementsOf(goNo.lines());
    assertThat(clis.ours(ours, "status", gun).ok().lines()).containsExactlyElementsOf(clis.go(go, "status", gun).ok().lines());
  }

  @Test
  void aRemovedDelegationIsGoneForBothAndWitnessResignsTargets() throws Exception {
    String gun = "example.com/delegations/gone";
    Path owner = dir.resolve("gone");
    wePublish(owner, gun, "v0");
    Result added = clis.ours(owner, "delegation", "add", gun, "targets/releases", releasePub.toString(), "--all-paths", "-p").ok();
    assertThat(added.output()).contains("Auto-publishing changes to " + gun).contains("Successfully published changes for repository " + gun);
    assertThat(clis.go(dir.resolve("gone-reader"), "delegation", "list", gun).ok().output()).contains("targets/releases");
    // A key removed by canonical ID leaves the delegation with no key, as notary leaves it.
    clis.ours(owner, "delegation", "remove", gun, "targets/releases", releaseId, "-p").ok();
    Result keyless = clis.go(dir.resolve("gone-reader"), "delegation", "list", gun).ok();
    assertThat(keyless.output()).contains("targets/releases").doesNotContain(releaseId);
    clis.ours(owner, "delegation", "remove", gun, "targets/releases", "-y", "-p").ok();
    Result none = clis.go(dir.resolve("gone-reader"), "delegation", "list", gun).ok();
    assertThat(none.output()).contains("No delegations present in this repository.");
    assertThat(clis.ours(dir.resolve("gone-our-reader"), "delegation", "list", gun).ok().output()).isEqualTo(none.output());
    // witness re-signs targets unchanged: a new version notary accepts.
    long before = targetsVersion(dir.resolve("gone-our-reader"), gun);
    clis.ours(owner, "witness", gun, "targets", "-p").ok();
    clis.ours(dir.resolve("gone-our-reader"), "list", gun).ok();
    assertThat(targetsVersion(dir.resolve("gone-our-reader"), gun)).isEqualTo(before + 1);
    assertThat(clis.go(dir.resolve("gone-reader"), "list", gun).ok().output()).contains("v0");
  }

  private static long targetsVersion(Path trustDir, String gun) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(trustDir.resolve("tuf/" + gun + "/metadata/targets.json").toFile()).path("signed").path("version").asLong();
  }
}
