package io.trustyard.client.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufSignatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files in a trust dir, shared with the real notary CLI in both directions; passphrase sources. */
class KeyFileStoreTest {
  static final String GUN = "registry.example.com/team/app";
  static final Map<String, String> ENV = Map.of(
      "NOTARY_ROOT_PASSPHRASE", "root-pass-1234",
      "NOTARY_TARGETS_PASSPHRASE", "targets-pass-1234",
      "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-1234",
      "NOTARY_DELEGATION_PASSPHRASE", "delegation-pass-1234");
  static final PassphraseRetriever NO_PROMPT = (name, alias, create, attempt) -> {
    throw new TrustException(Kind.NO_PASSPHRASE, "no terminal in this test");
  };

  @TempDir Path dir;

  KeyFileStore store(Map<String, String> env) {
    return new KeyFileStore(new TrustDir(dir), new EnvPassphrases(env, NO_PROMPT), new SecureRandom());
  }

  static String run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void keysWeWriteAreListedByTheNotaryCliWithTheirRolesAndSecureModes() throws Exception {
    KeyFileStore keys = store(ENV);
    TufPrivateKey root = keys.generate("root", GUN);
    TufPrivateKey targets = keys.generate("targets", GUN);

    Path rootFile = dir.resolve("private/" + root.canonicalId() + ".key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rootFile))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private")))).isEqualTo("rwx------");
    assertThat(EncryptedKeyFiles.headers(Files.readAllBytes(rootFile))).isEqualTo(Map.of("role", "root"));
    assertThat(EncryptedKeyFiles.headers(Files.readAllBytes(dir.resolve("private/" + targets.canonicalId() + ".key"))))
        .isEqualTo(Map.of("role", "targets", "gun", GUN));

    String listed = run(ENV, "notary", "-d", dir.toString(), "key", "list");
    assertThat(listed).contains(root.canonicalId()).contains(targets.canonicalId()).contains(".example.com/team/app");
  }

  @Test
  void aKeyTheNotaryCliGeneratedIsLoadedAndSigns() throws Exception {
    String out = run(ENV, "notary", "-d", dir.toString(), "key", "generate", "ecdsa", "--role", "root");
    KeyFileStore keys = store(ENV);
    List<KeyFileStore.KeyInfo> roots = keys.rootKeys();
    assertThat(roots).hasSize(1);
    assertThat(out).contains(roots.get(0).canonicalId());

    TufPrivateKey key = keys.load(roots.get(0).canonicalId());
    byte[] message = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    assertThat(TufSignatures.verify(key.publicKey(), key.signatureMethod(), TufSignatures.sign(key, message), message))
        .isTrue();
  }

  @Test
  void aWrongPassphraseFromTheEnvironmentNamesTheVariable() {
    TufPrivateKey root = store(ENV).generate("root", GUN);
    KeyFileStore wrong = store(Map.of("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "not-the-passphrase"));

    assertThatThrownBy(() -> wrong.load(root.canonicalId()))
        .isInstanceOf(TrustException.class)
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.WRONG_PASSPHRASE))
        .hasMessageContaining("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE");
    assertThatThrownBy(() -> store(ENV).load("ab".repeat(32)))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.MISSING_KEY));
  }

  @Test
  void dockerVariablesCoverRootAndRepositoryKeys() {
    Map<String, String> docker = Map.of("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-pass-1234",
        "DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-pass-1234");
    KeyFileStore keys = store(docker);
    TufPrivateKey targets = keys.generate("targets", GUN);
    TufPrivateKey signer = keys.generate("alice", GUN);
    KeyFileStore again = store(docker);
    assertThat(again.load(targets.canonicalId()).canonicalId()).isEqualTo(targets.canonicalId());
    assertThat(again.load(signer.canonicalId()).canonicalId()).isEqualTo(signer.canonicalId());
  }

  /** A terminal that answers from a script and records what was printed. */
  static final class ScriptedTerminal implements PromptPassphrases.Terminal {
    final StringBuilder printed = new StringBuilder();
    final Deque<String> answers;

    ScriptedTerminal(String... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public void print(String text) {
      printed.append(text);
    }

    @Override
    public char[] readPassword() {
      String a = answers.poll();
      return a == null ? null : a.toCharArray();
    }
  }

  @Test
  void promptsUseDockersTextsForNewRootAndRepositoryKeys() {
    ScriptedTerminal terminal = new ScriptedTerminal("short", "long-enough-1", "different-1",
        "long-enough-1", "long-enough-1", "repo-pass-1234", "repo-pass-1234");
    KeyFileStore keys = new KeyFileStore(new TrustDir(dir),
        new PromptPassphrases(terminal, PromptPassphrases.DOCKER_ALIASES), new SecureRandom());
    TufPrivateKey root = keys.generate("root", GUN);
    TufPrivateKey targets = keys.generate("targets", GUN);
    String r = root.canonicalId().substring(0, 7);
    String t = targets.canonicalId().substring(0, 7);

    assertThat(terminal.printed.toString()).isEqualTo(PromptPassphrases.ROOT_KEY_WARNING + "\n"
        + "Enter passphrase for new root key with ID " + r + ": "
        + "Passphrase is too short. Please use a password manager to generate and store a good random passphrase.\n"
        + "Enter passphrase for new root key with ID " + r + ": "
        + "Repeat passphrase for new root key with ID " + r + ": "
        + "Passphrases do not match. Please retry.\n"
        + "Enter passphrase for new root key with ID " + r + ": "
        + "Repeat passphrase for new root key with ID " + r + ": "
        + "Enter passphrase for new repository key with ID " + t + " (" + GUN + "): "
        + "Repeat passphrase for new repository key with ID " + t + " (" + GUN + "): ");
  }

  @Test
  void aWrongTypedPassphraseIsAskedAgain() {
    TufPrivateKey root = store(ENV).generate("root", GUN);
    ScriptedTerminal terminal = new ScriptedTerminal("wrong-passphrase", "root-pass-1234");
    KeyFileStore keys = new KeyFileStore(new TrustDir(dir),
        new PromptPassphrases(terminal, PromptPassphrases.DOCKER_ALIASES), new SecureRandom());

    assertThat(keys.load(root.canonicalId()).canonicalId()).isEqualTo(root.canonicalId());
    String id = root.canonicalId().substring(0, 7);
    assertThat(terminal.printed.toString()).isEqualTo("Enter passphrase for root key with ID " + id + ": "
        + "Passphrase incorrect. Please retry.\n" + "Enter passphrase for root key with ID " + id + ": ");
  }

  @Test
  void withoutATerminalOrVariableTheErrorSaysWhatToSet() {
    PassphraseRetriever none = new EnvPassphrases(Map.of(), (name, alias, create, attempt) -> {
      throw new TrustException(Kind.NO_PASSPHRASE, "set " + String.join(" or ", EnvPassphrases.variablesFor(alias)));
    });
    KeyFileStore keys = new KeyFileStore(new TrustDir(dir), none, new SecureRandom());
    assertThatThrownBy(() -> keys.generate("targets", GUN))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.NO_PASSPHRASE))
        .hasMessageContaining("NOTARY_TARGETS_PASSPHRASE or DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE");
    assertThat(dir.resolve("private")).doesNotExist();
  }

  @Test
  void gunsThatCouldEscapeTheTrustDirAreRefused() throws IOException {
    TrustDir trustDir = new TrustDir(dir);
    for (String bad : List.of("../evil", "a/../../b", "/abs", "a//b", "a/./b", "")) {
      assertThatThrownBy(() -> trustDir.metadataDir(bad)).isInstanceOf(TrustException.class);
    }
    MetadataCache cache = new MetadataCache(trustDir);
    cache.write(GUN, "targets/releases", new byte[] {1});
    assertThat(dir.resolve("tuf/" + GUN + "/metadata/targets/releases.json")).hasBinaryContent(new byte[] {1});
    assertThat(cache.read(GUN, "targets/releases")).contains(new byte[] {1});
    assertThat(cache.read(GUN, "timestamp")).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> cache.read(GUN, "../../x")).isInstanceOf(TrustException.class);
  }
}
