package io.trustyard.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Go {@code notary} CLI (Debian package, installed by scripts/peers.sh) reads key files we
 * wrote: it lists them with the right role, GUN and ID, exports them, and decrypts them (proved by
 * {@code key passwd}, which decrypts and re-encrypts; we then read its output back). No server is
 * involved: a trust directory is all these commands need.
 */
class NotaryCliInteropTest {
  private static final String GUN = "example.com/interop/repo";
  private static final long TIMEOUT_SECONDS = 60;

  private record Written(TufPrivateKey key, String role, String gun, String passphraseEnv, String passphrase) {}

  private record Result(int exitCode, String output) {}

  @Test
  void goNotaryListsExportsAndDecryptsKeyFilesWeWrote(@TempDir Path temp) throws Exception {
    Path trustDir = temp.resolve("trust");
    Path privateDir = trustDir.resolve("private");
    Files.createDirectories(privateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.setPosixFilePermissions(trustDir, PosixFilePermissions.fromString("rwx------"));
    SecureRandom random = new SecureRandom();
    List<Written> keys = List.of(
        new Written(TufKeys.generate(KeyType.ECDSA, random), "root", null, "NOTARY_ROOT_PASSPHRASE", "root passphrase 1"),
        new Written(TufKeys.generate(KeyType.ECDSA, random), "targets", GUN, "NOTARY_TARGETS_PASSPHRASE", "targets-pass-2"),
        new Written(TufKeys.generate(KeyType.ED25519, random), "snapshot", GUN, "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-3"),
        new Written(RsaKeys.shared(), "releases", null, "NOTARY_DELEGATION_PASSPHRASE", "delegation-pass-4"));
    Map<String, String> env = new HashMap<>();
    for (Written w : keys) {
      byte[] pem = EncryptedKeyFiles.write(w.key(), w.role(), w.gun(), w.passphrase().toCharArray(), random);
      Path file = privateDir.resolve(w.key().canonicalId() + ".key");
      Files.write(file, pem);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      env.put(w.passphraseEnv(), w.passphrase());
    }

    Result list = notary(temp, env, "-d", trustDir.toString(), "key", "list");
    assertThat(list.exitCode()).as(list.output()).isZero();
    for (Written w : keys) {
      List<String> row = rowFor(list.output(), w.key().canonicalId());
      List<String> expected = new ArrayList<>();
      expected.add(w.role());
      if (w.gun() != null) {
        expected.add(w.gun());
      }
      expected.add(w.key().canonicalId());
      assertThat(row.subList(0, row.size() - 1)).as(list.output()).containsExactlyElementsOf(expected);
      // notary shortens long locations to "...<tail>".
      assertThat(row.get(row.size() - 1)).as(list.output()).endsWith("/trust/private");
    }

    Path all = temp.resolve("all.pem");
    Result exportAll = notary(temp, env, "-d", trustDir.toString(), "key", "export", "-o", all.toString());
    assertThat(exportAll.exitCode()).as(exportAll.output()).isZero();
    List<PemBlock> blocks = Pem.decodeAll(Files.readAllBytes(all));
    assertThat(blocks).hasSize(keys.size());
    for (Written w : keys) {
      PemBlock block = blocks.stream()
          .filter(b -> w.key().canonicalId().equals(b.headers().get("path"))).findFirst().orElseThrow();
      assertThat(EncryptedKeyFiles.read(block, w.passphrase().toCharArray()).key()).isEqualTo(w.key());
    }

    for (Written w : keys) {
      String id = w.key().canonicalId();
      Path out = temp.resolve(id + "-export.pem");
      Result export = notary(temp, env, "-d", trustDir.toString(), "key", "export", "--key", id, "-o", out.toString());
      assertThat(export.exitCode()).as(export.output()).isZero();
      byte[] exported = Files.readAllBytes(out);
      assertThat(EncryptedKeyFiles.headers(exported)).containsEntry("role", w.role()).containsEntry("path", id);
      Path file = privateDir.resolve(id + ".key");
      assertThat(new String(exported, StandardCharsets.US_ASCII)).isEqualTo(new String(
          EncryptedKeyFiles.withHeaders(Files.readAllBytes(file), Map.of("path", id)), StandardCharsets.US_ASCII));
      assertThat(EncryptedKeyFiles.read(exported, w.passphrase().toCharArray()).key()).isEqualTo(w.key());

      byte[] before = Files.readAllBytes(file);
      Map<String, String> wrongEnv = new HashMap<>(env);
      wrongEnv.put(w.passphraseEnv(), w.passphrase() + "-wrong");
      Result refused = notary(temp, wrongEnv, "-d", trustDir.toString(), "key", "passwd", id);
      assertThat(refused.exitCode()).as("wrong passphrase must not decrypt: " + refused.output()).isNotZero();
      assertThat(Files.readAllBytes(file)).isEqualTo(before);

      Result passwd = notary(temp, env, "-d", trustDir.toString(), "key", "passwd", id);
      assertThat(passwd.exitCode()).as(passwd.output()).isZero();
      assertThat(passwd.output()).contains("Successfully updated passphrase for key ID: " + id);
      byte[] rewrittenByGo = Files.readAllBytes(file);
      assertThat(rewrittenByGo).isNotEqualTo(before);
      EncryptedKeyFiles.KeyFile back = EncryptedKeyFiles.read(rewrittenByGo, w.passphrase().toCharArray());
      assertThat(back.key()).isEqualTo(w.key());
      assertThat(back.role()).isEqualTo(w.role());
      assertThat(back.gun()).isEqualTo(Optional.ofNullable(w.gun()));
    }
  }

  @Test
  void goNotaryImportsAnUnencryptedKeyFileWeWrote(@TempDir Path temp) throws Exception {
    Path trustDir = temp.resolve("trust");
    Files.createDirectories(trustDir);
    TufPrivateKey key = TufKeys.generate(KeyType.ECDSA, new SecureRandom());
    Path pem = temp.resolve("import.pem");
    Files.write(pem, EncryptedKeyFiles.writeUnencrypted(key, "releases", null));
    Map<String, String> env = Map.of("NOTARY_DELEGATION_PASSPHRASE", "import passphrase");

    Result imported = notary(temp, env, "-d", trustDir.toString(), "key", "import", pem.toString());
    assertThat(imported.exitCode()).as(imported.output()).isZero();

    Path stored = trustDir.resolve("private").resolve(key.canonicalId() + ".key");
    assertThat(stored).exists();
    EncryptedKeyFiles.KeyFile back = EncryptedKeyFiles.read(Files.readAllBytes(stored), "import passphrase".toCharArray());
    assertThat(back.key()).isEqualTo(key);
    assertThat(back.role()).isEqualTo("releases");
  }

  private static List<String> rowFor(String table, String id) {
    for (String line : table.split("\n")) {
      List<String> cells = Arrays.asList(line.trim().split("\\s+"));
      if (cells.contains(id)) {
        return cells;
      }
    }
    return fail("key " + id + " not listed by notary:\n" + table);
  }

  private static Result notary(Path temp, Map<String, String> env, String... args) throws IOException, InterruptedException {
    String binary = findOnPath("notary")
        .orElseGet(() -> fail("the Go notary CLI is not installed (scripts/peers.sh installs it)"));
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Path home = Files.createDirectories(temp.resolve("home"));
    builder.environment().keySet().removeIf(k -> k.startsWith("NOTARY_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // Output goes to a file so that a hung process cannot block us past the timeout.
    Path output = Files.createTempFile(temp, "notary-", ".out");
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("notary " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  private static Optional<String> findOnPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }
}
