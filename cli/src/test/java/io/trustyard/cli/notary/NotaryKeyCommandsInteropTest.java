package io.trustyard.cli.notary;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.notary.NotaryClis.Result;
import io.trustyard.client.trust.PromptPassphrases;
import io.trustyard.client.trust.PublicKeyFiles;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.Pem;
import io.trustyard.core.crypto.PemBlock;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.codec.Parsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code trustyard notary key ...} against the real Go notary CLI: the same commands print the same
 * bytes (key IDs and directories normalised), keys exported by one are imported and used by the
 * other, and a root key rotated by either is followed by readers of both.
 */
class NotaryKeyCommandsInteropTest extends NotaryInterop {
  private static final String KEY_ID = "[0-9a-f]{64}";

  private static List<String> normalised(Result r, Path... dirs) {
    return r.lines().stream().map(l -> {
      for (Path d : dirs) {
        l = l.replace(d.toString(), "<dir>");
      }
      return withoutLocation(l).replaceAll(KEY_ID, "<id>");
    }).toList();
  }

  /** {@code key list} shows the trust dir (the last column, cut on the left): tests use different ones. */
  private static String withoutLocation(String listing) {
    return listing.replaceAll("(\\.\\.\\.)?\\S*/private(\n|$)", "<location>$2");
  }

  @Test
  void generatePrintsTheNewKeyAndBothListItTheSame() throws Exception {
    Path theirs = dir.resolve("gen-go");
    Path ours = dir.resolve("gen-ours");
    Result goGen = clis.go(theirs, "key", "generate").ok();
    Result ourGen = clis.ours(ours, "key", "generate").ok();
    assertThat(goGen.output()).matches("Generated new ecdsa root key with keyID: " + KEY_ID + "\n");
    assertThat(normalised(ourGen)).containsExactlyElementsOf(normalised(goGen));
    Result goTargets = clis.go(theirs, "key", "generate", "ecdsa", "--role", "targets/releases").ok();
    Result ourTargets = clis.ours(ours, "key", "generate", "ecdsa", "--role", "targets/releases").ok();
    assertThat(normalised(ourTargets)).containsExactlyElementsOf(normalised(goTargets));
    // Each lists the other's keys as the other does.
    assertThat(clis.ours(theirs, "key", "list").ok().output()).isEqualTo(clis.go(theirs, "key", "list").ok().output());
    assertThat(clis.go(ours, "key", "list").ok().output()).isEqualTo(clis.ours(ours, "key", "list").ok().output());
    assertThat(normalised(clis.ours(ours, "key", "list").ok(), ours))
        .containsExactlyElementsOf(normalised(clis.go(theirs, "key", "list").ok(), theirs));
    // The root key we generated is the one notary initialises a repository with.
    String ourRoot = ourGen.output().trim().replaceAll(".* ", "");
    String gun = "example.com/keys/generated-root";
    goPublishes(ours, gun, "v1");
    assertThat(clis.go(ours, "key", "list").ok().lines().stream().filter(l -> l.startsWith("root ")))
        .singleElement().asString().contains(ourRoot);
  }

  @Test
  void unsupportedAlgorithmsAreRefusedAsNotaryRefusesThem() throws Exception {
    Result theirs = clis.go(dir.resolve("rsa-go"), "key", "generate", "rsa").failed();
    Result ours = clis.ours(dir.resolve("rsa-ours"), "key", "generate", "rsa").failed();
    assertThat(ours.output()).isEqualTo(theirs.output()).contains("Algorithm not allowed");
    assertThat(dir.resolve("rsa-ours/private")).doesNotExist();
  }

  @Test
  void generateToFilesWritesAPublicAndAnEncryptedPrivateKey() throws Exception {
    Path work = Files.createDirectories(dir.resolve("gen-files"));
    clis.go(dir.resolve("gen-files-go"), "key", "generate", "--role", "alice", "-o", work.resolve("go").toString()).ok();
    clis.ours(dir.resolve("gen-files-ours"), "key", "generate", "--role", "alice", "-o", work.resolve("ours").toString()).ok();
    for (String who : List.of("go", "ours")) {
      Path pub = work.resolve(who + ".pem");
      Path key = work.resolve(who + "-key.pem");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pub))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
      PemBlock pubBlock = Pem.decodeFirst(Files.readAllBytes(pub));
      assertThat(pubBlock.type()).isEqualTo("PUBLIC KEY");
      assertThat(pubBlock.headers()).isEqualTo(Map.of("role", "alice"));
      EncryptedKeyFiles.KeyFile file = EncryptedKeyFiles.read(Files.readAllBytes(key),
          NotaryClis.PASSPHRASES.get("NOTARY_DELEGATION_PASSPHRASE").toCharArray());
      assertThat(file.role()).isEqualTo("alice");
      assertThat(file.gun()).isEmpty();
      TufPublicKey publicKey = PublicKeyFiles.read(Files.readAllBytes(pub));
      assertThat(file.key().publicKey()).isEqualTo(publicKey);
    }
    // Neither put anything in its trust dir.
    assertThat(dir.resolve("gen-files-ours/private")).doesNotExist();
  }

  @Test
  void exportPrintsTheKeyFilesAsNotaryDoesAndEachImportsTheOthersExport() throws Exception {
    String gun = "example.com/keys/exported";
    Path goDir = dir.resolve("export-go");
    goPublishes(goDir, gun, "v1");
    clis.go(goDir, "key", "generate", "--role", "targets/alice").ok();
    Result goAll = clis.go(goDir, "key", "export").ok();
    assertThat(goAll.output()).contains("path: ").contains("role: root").contains("gun: " + gun);
    assertThat(clis.ours(goDir, "key", "export").ok().output()).isEqualTo(goAll.output());
    assertThat(clis.ours(goDir, "key", "export", "--gun", gun).ok().output())
        .isEqualTo(clis.go(goDir, "key", "export", "--gun", gun).ok().output()).contains("role: targets");
    String rootId = rootKeyId(goDir);
    assertThat(clis.ours(goDir, "key", "export", "--key", rootId).ok().output())
        .isEqualTo(clis.go(goDir, "key", "export", "--key", rootId).ok().output()).contains("role: root");
    Result mixed = clis.ours(goDir, "key", "export", "--key", rootId, "--gun", gun).failed();
    assertThat(mixed.output()).isEqualTo(clis.go(goDir, "key", "export", "--key", rootId, "--gun", gun).failed().output());

    // Go's export into ours: the same keys, and we publish with them.
    Path exported = dir.resolve("exported-by-go.pem");
    clis.go(goDir, "key", "export", "-o", exported.toString()).ok();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(exported))).isEqualTo("rw-------");
    Path ourDir = dir.resolve("export-ours");
    clis.ours(ourDir, "key", "import", exported.toString()).ok();
    assertThat(clis.ours(ourDir, "key", "list").ok().output().transform(NotaryKeyCommandsInteropTest::withoutLocation))
        .isEqualTo(clis.go(goDir, "key", "list").ok().output().transform(NotaryKeyCommandsInteropTest::withoutLocation));
    wePublish(ourDir, gun, "v2");
    assertThat(clis.go(dir.resolve("export-reader"), "list", gun).ok().output()).contains("v1").contains("v2");

    // Our export into Go: Go publishes with the keys.
    Path ourExport = dir.resolve("exported-by-us.pem");
    clis.ours(ourDir, "key", "export", "-o", ourExport.toString()).ok();
    Path goAgain = dir.resolve("export-go-again");
    clis.go(goAgain, "key", "import", ourExport.toString()).ok();
    assertThat(clis.go(goAgain, "key", "list").ok().output().transform(NotaryKeyCommandsInteropTest::withoutLocation))
        .isEqualTo(clis.ours(ourDir, "key", "list").ok().output().transform(NotaryKeyCommandsInteropTest::withoutLocation));
    goPublishes(goAgain, gun, "v3");
    assertThat(clis.ours(dir.resolve("export-our-reader"), "list", gun).ok().output()).contains("v3");
  }

  @Test
  void unencryptedKeysAreImportedEncryptedWithTheRoleAndGunGiven() throws Exception {
    Path keyFile = dir.resolve("plain.key");
    var key = io.trustyard.core.crypto.TufKeys.generate(io.trustyard.core.crypto.KeyType.ECDSA, new java.security.SecureRandom());
    Files.write(keyFile, EncryptedKeyFiles.writeUnencrypted(key, "", ""));
    Path goDir = dir.resolve("plain-go");
    Path ourDir = dir.resolve("plain-ours");
    clis.go(goDir, "key", "import", keyFile.toString(), "-r", "targets", "-g", "example.com/keys/plain").ok();
    clis.ours(ourDir, "key", "import", keyFile.toString(), "-r", "targets", "-g", "example.com/keys/plain").ok();
    String goList = clis.go(goDir, "key", "list").ok().output().transform(NotaryKeyCommandsInteropTest::withoutLocation);
    assertThat(goList).contains(key.canonicalId()).contains("example.com/keys/plain");
    assertThat(clis.ours(ourDir, "key", "list").ok().output().transform(NotaryKeyCommandsInteropTest::withoutLocation)).isEqualTo(goList);
    byte[] stored = Files.readAllBytes(ourDir.resolve("private/" + key.canonicalId() + ".key"));
    assertThat(EncryptedKeyFiles.isEncrypted(stored)).isTrue();
    assertThat(EncryptedKeyFiles.read(stored, "targets-pass-1234".toCharArray()).key().canonicalId())
        .isEqualTo(key.canonicalId());
    // No role: imported as a "delegation" key, without a GUN.
    Path noRole = dir.resolve("plain-no-role");
    clis.ours(noRole, "key", "import", keyFile.toString()).ok();
    assertThat(clis.ours(noRole, "key", "list").ok().output().transform(NotaryKeyCommandsInteropTest::withoutLocation)).isEqualTo(
        clis.go(dir.resolve("plain-no-role-go"), "key", "import", keyFile.toString()).ok().output()
            + clis.go(dir.resolve("plain-no-role-go"), "key", "list").ok().output()
                .transform(NotaryKeyCommandsInteropTest::withoutLocation));
    // An encrypted key without a path header cannot be imported by either.
    Path encrypted = dir.resolve("encrypted-no-path.pem");
    Files.write(encrypted, EncryptedKeyFiles.write(key, "targets", "", "x-pass-1234".toCharArray(), new java.security.SecureRandom()));
    Result theirs = clis.go(dir.resolve("enc-go"), "key", "import", encrypted.toString()).failed();
    Result ours = clis.ours(dir.resolve("enc-ours"), "key", "import", encrypted.toString()).failed();
    assertThat(ours.output()).isEqualTo(theirs.output());
    assertThat(dir.resolve("enc-ours/private")).doesNotExist();
    // A file with no PEM in it imports nothing, silently, as with notary.
    Path garbage = dir.resolve("garbage.pem");
    Files.writeString(garbage, "not a key\n");
    Result goGarbage = clis.go(dir.resolve("garbage-go"), "key", "import", garbage.toString());
    Result ourGarbage = clis.ours(dir.resolve("garbage-ours"), "key", "import", garbage.toString());
    assertThat(ourGarbage.exit()).isEqualTo(goGarbage.exit());
    assertThat(ourGarbage.output()).isEqualTo(goGarbage.output());
    assertThat(dir.resolve("garbage-ours/private")).doesNotExist();
    // A corrupt PEM block is refused and imports nothing.
    Path corrupt = dir.resolve("corrupt.pem");
    Files.writeString(corrupt, "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n");
    Result ourCorrupt = clis.ours(dir.resolve("corrupt-ours"), "key", "import", corrupt.toString()).failed();
    assertThat(ourCorrupt.output()).startsWith("\n* fatal: ");
    assertThat(dir.resolve("corrupt-ours/private")).doesNotExist();
  }

  @Test
  void removeAsksAndDeletesAsNotaryDoes() throws Exception {
    Path goDir = dir.resolve("remove-go");
    Path ourDir = dir.resolve("remove-ours");
    String id = clis.go(goDir, "key", "generate").ok().output().trim().replaceAll(".* ", "");
    copyTree(goDir, ourDir);
    Result goNo = clis.go(Map.of(), "no\n", goDir, "key", "remove", id).ok();
    Result ourNo = clis.ours(Map.of(), "no\n", ourDir, "key", "remove", id).ok();
    assertThat(goNo.output()).contains("Aborting action.");
    assertThat(normalised(ourNo, ourDir)).containsExactlyElementsOf(normalised(goNo, goDir));
    assertThat(ourDir.resolve("private/" + id + ".key")).exists();
    Result goYes = clis.go(Map.of(), "yes\n", goDir, "key", "remove", id).ok();
    Result ourYes = clis.ours(Map.of(), "yes\n", ourDir, "key", "remove", id).ok();
    assertThat(goYes.output()).contains("Deleted " + id);
    assertThat(normalised(ourYes, ourDir)).containsExactlyElementsOf(normalised(goYes, goDir));
    assertThat(ourDir.resolve("private/" + id + ".key")).doesNotExist();
    Result goMissing = clis.go(goDir, "key", "remove", id).failed();
    assertThat(clis.ours(ourDir, "key", "remove", id).failed().output().transform(NotaryKeyCommandsInteropTest::withoutLocation))
        .isEqualTo(goMissing.output().transform(NotaryKeyCommandsInteropTest::withoutLocation));
    assertThat(clis.ours(ourDir, "key", "remove", "abc").failed().output())
        .isEqualTo(clis.go(goDir, "key", "remove", "abc").failed().output());
  }

  @Test
  void passwdReencryptsTheKeyUnderTheNewPassphrase() throws Exception {
    Path goDir = dir.resolve("passwd-go");
    String id = clis.go(goDir, "key", "generate").ok().output().trim().replaceAll(".* ", "");
    Path ourDir = dir.resolve("passwd-ours");
    copyTree(goDir, ourDir);
    // With the passphrase in the environment both print the same.
    assertThat(clis.ours(ourDir, "key", "passwd", id).ok().output()).isEqualTo(clis.go(goDir, "key", "passwd", id).ok().output())
        .isEqualTo("\nSuccessfully updated passphrase for key ID: " + id + "\n");
    // Typed at the prompt: the old passphrase, then the new one twice.
    Deque<String> typed = new ArrayDeque<>(List.of("root-pass-1234", "a-new-pass-5678", "a-new-pass-5678"));
    StringBuilder prompts = new StringBuilder();
    // A new prompt for each retriever, as each run of notary has: the old passphrase is not reused for the new one.
    java.util.function.Supplier<io.trustyard.client.trust.PassphraseRetriever> terminal = () -> new PromptPassphrases(new PromptPassphrases.Terminal() {
      @Override
      public void print(String text) {
        prompts.append(text);
      }

      @Override
      public char[] readPassword() {
        return typed.isEmpty() ? null : typed.pop().toCharArray();
      }
    }, Map.of());
    clis.ours(Map.of("NOTARY_ROOT_PASSPHRASE", ""), "", terminal, withGlobals(ourDir, "key", "passwd", id)).ok();
    assertThat(typed).isEmpty();
    assertThat(prompts.toString()).contains("Enter passphrase for root key").contains("Enter passphrase for new root key");
    // The Go CLI now needs the new passphrase.
    clis.go(Map.of("NOTARY_ROOT_PASSPHRASE", "a-new-pass-5678"), "", ourDir, "key", "passwd", id).ok();
    clis.go(Map.of(), "", ourDir, "key", "passwd", id).failed();
    assertThat(clis.ours(ourDir, "key", "passwd", "0".repeat(64)).failed().output())
        .isEqualTo(clis.go(ourDir, "key", "passwd", "0".repeat(64)).failed().output());
  }

  @Test
  void aRootKeyRotatedByUsIsFollowedByBothAndTheOtherWayRound() throws Exception {
    rotateRoot("example.com/keys/rotated-by-us", true);
    rotateRoot("example.com/keys/rotated-by-go", false);
  }

  private void rotateRoot(String gun, boolean weRotate) throws Exception {
    Path publisher = dir.resolve("rotate-publisher-" + weRotate);
    goPublishes(publisher, gun, "v1");
    Path goReader = dir.resolve("rotate-go-reader-" + weRotate);
    Path ourReader = dir.resolve("rotate-our-reader-" + weRotate);
    clis.go(goReader, "list", gun).ok();
    clis.ours(ourReader, "list", gun).ok();
    String oldRoot = rootKeyId(publisher);

    Result rotated = weRotate ? clis.ours(Map.of(), "yes\n", publisher, "key", "rotate", gun, "root")
        : clis.go(Map.of(), "yes\n", publisher, "key", "rotate", gun, "root");
    assertThat(rotated.ok().output()).isEqualTo("Warning: you are about to rotate your root key.\n\n"
        + "You must use your old key to sign this root rotation.\nAre you sure you want to proceed?  (yes/no)  "
        + "Successfully rotated root key for repository " + gun + "\n");
    String newRoot = clis.go(publisher, "key", "list").ok().lines().stream().filter(l -> l.startsWith("root "))
        .map(l -> l.split("\\s+")[1]).filter(id -> !id.equals(oldRoot)).findFirst().orElseThrow();

    // Readers that trust the old root follow the rotation: both keys signed the new root.
    assertThat(clis.go(goReader, "list", gun).ok().output()).contains("v1");
    assertThat(clis.ours(ourReader, "list", gun).ok().output()).contains("v1");
    Parsed<RootMetadata> root = MetadataReader.root(
        Files.readAllBytes(ourReader.resolve("tuf/" + gun + "/metadata/root.json")), MetadataLimits.MAX_DOWNLOAD_SIZE);
    assertThat(root.signed().version()).isEqualTo(2);
    assertThat(root.signed().roleKeys("root")).singleElement().satisfies(k -> assertThat(k.canonicalId()).isEqualTo(newRoot));
    assertThat(root.metadata().signatures()).hasSize(2);

    // The other client publishes with the rotated root, and both read it.
    Result next = weRotate ? clis.go(publisher, "add", gun, "v2", payload.toString())
        : clis.ours(publisher, "add", gun, "v2", payload.toString());
    next.ok();
    (weRotate ? clis.go(publisher, "publish", gun) : clis.ours(publisher, "publish", gun)).ok();
    assertThat(clis.go(goReader, "list", gun).ok().output()).contains("v2");
    assertThat(clis.ours(ourReader, "list", gun).ok().output()).contains("v2");

    // Answering no changes nothing.
    Result declined = weRotate ? clis.ours(Map.of(), "no\n", publisher, "key", "rotate", gun, "root")
        : clis.go(Map.of(), "no\n", publisher, "key", "rotate", gun, "root");
    assertThat(declined.ok().output()).endsWith("(yes/no)  \nAborting action.\n");
  }

  @Test
  void targetsAndServerManagedSnapshotAndTimestampKeysRotateAndNotaryFollows() throws Exception {
    String gun = "example.com/keys/rotated-roles";
    Path publisher = dir.resolve("roles-publisher");
    wePublish(publisher, gun, "v1");
    Path goReader = dir.resolve("roles-go-reader");
    clis.go(goReader, "list", gun).ok();
    for (List<String> rotation : List.of(List.of("targets"), List.of("snapshot", "-r"), List.of("timestamp", "-r"),
        List.of("snapshot"))) {
      String[] args = Stream.concat(Stream.of("key", "rotate", gun), rotation.stream()).toArray(String[]::new);
      assertThat(clis.ours(publisher, args).ok().output())
          .isEqualTo("Successfully rotated " + rotation.get(0) + " key for repository " + gun + "\n");
      assertThat(clis.go(goReader, "list", gun).ok().output()).contains("v1");
    }
    goPublishes(publisher, gun, "v2");
    assertThat(clis.ours(dir.resolve("roles-our-reader"), "list", gun).ok().output()).contains("v2");
    // Timestamp keys are the server's: notary refuses a local one, and so do we.
    Result theirs = clis.go(publisher, "key", "rotate", gun, "timestamp").failed();
    Result ours = clis.ours(publisher, "key", "rotate", gun, "timestamp").failed();
    assertThat(ours.output()).contains(theirs.output().trim().replace("* fatal: ", ""));
  }

  @Test
  void rootRotatesToAKeyFileGenerated() throws Exception {
    String gun = "example.com/keys/rotated-to-file";
    Path publisher = dir.resolve("to-file-publisher");
    goPublishes(publisher, gun, "v1");
    Path reader = dir.resolve("to-file-reader");
    clis.go(reader, "list", gun).ok();
    Path prefix = dir.resolve("next-root");
    // -o keys are encrypted with the delegation passphrase; -k unlocks with the root one.
    Map<String, String> env = Map.of("NOTARY_DELEGATION_PASSPHRASE", "root-pass-1234");
    clis.ours(env, "", publisher, "key", "generate", "-o", prefix.toString()).ok();
    String fileKey = EncryptedKeyFiles.read(Files.readAllBytes(Path.of(prefix + "-key.pem")), "root-pass-1234".toCharArray())
        .key().canonicalId();
    clis.ours(env, "yes\n", publisher, "key", "rotate", gun, "root", "-k", prefix + "-key.pem").ok();
    assertThat(clis.go(reader, "list", gun).ok().output()).contains("v1");
    Parsed<RootMetadata> root = MetadataReader.root(
        Files.readAllBytes(reader.resolve("tuf/" + gun + "/metadata/root.json")), MetadataLimits.MAX_DOWNLOAD_SIZE);
    assertThat(root.signed().roleKeys("root")).singleElement().satisfies(k -> assertThat(k.canonicalId()).isEqualTo(fileKey));
    assertThat(publisher.resolve("private/" + fileKey + ".key")).exists();
  }

  private List<String> withGlobals(Path trustDir, String... args) {
    List<String> all = new java.util.ArrayList<>(clis.globals(trustDir));
    all.addAll(List.of(args));
    return all;
  }

  private String rootKeyId(Path trustDir) throws IOException, InterruptedException {
    return clis.go(trustDir, "key", "list").ok().lines().stream().filter(l -> l.startsWith("root "))
        .map(l -> l.split("\\s+")[1]).findFirst().orElseThrow();
  }
}
