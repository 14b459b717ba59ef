package io.trustyard.cli.notary;

import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.PassphraseRetriever;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.MalformedKeyException;
import io.trustyard.core.crypto.Pem;
import io.trustyard.core.crypto.PemBlock;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.UnsupportedKeyTypeException;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary key import <pem>...}: every PEM block of every file into the trust dir, as notary
 * imports them. An encrypted block is stored as it is under its {@code path} header (what
 * {@code key export} adds), an unencrypted one is encrypted with a new passphrase and stored under
 * its key ID. {@code role} and {@code gun} headers are filled from {@code -r}/{@code -g} when absent
 * (role defaults to {@code delegation}); only targets, snapshot and timestamp keys keep a GUN.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports all keys from all provided .pem files.")
final class KeyImportCommand implements Callable<Integer> {
  private static final String PATH_HEADER = "path";
  private static final String DEFAULT_ROLE = "delegation";
  private static final String LEGACY_NON_ROOT_DIR = "tuf_keys";
  private static final int MAX_PASSPHRASE_ATTEMPTS = 10;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand KeyCommand key;

  @Parameters(arity = "1..*", paramLabel = "<pemfile>") List<String> files;

  @Option(names = {"-r", "--role"}, description = "Role to import key with, if a role is not already given in a PEM header")
  String role = "";

  @Option(names = {"-g", "--gun"}, description = "Gun to import key with, if a gun is not already given in a PEM header")
  String gun = "";

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      KeyFileStore store = key.notary.keyStore();
      for (String file : files) {
        importFile(UserFiles.readKeyFile(file), store, key.notary.passphrases());
      }
      return 0;
    });
  }

  private void importFile(byte[] pem, KeyFileStore store, PassphraseRetriever passphrases) {
    List<PemBlock> blocks;
    try {
      blocks = Pem.decodeAll(pem);
    } catch (MalformedKeyException e) {
      throw new NotaryCliException("failed to import all keys: " + e.getMessage());
    }
    List<String> failures = new ArrayList<>();
    // Consecutive blocks for one location go to one file, as notary stores them.
    Map<String, ByteArrayOutputStream> byLocation = new LinkedHashMap<>();
    for (PemBlock block : blocks) {
      Map<String, String> headers = new LinkedHashMap<>(block.headers());
      String path = headers.getOrDefault(PATH_HEADER, "");
      if (path.contains("/")) {
        String dir = path.substring(0, path.lastIndexOf('/'));
        if (dir.startsWith(LEGACY_NON_ROOT_DIR)) {
          String legacyGun = dir.substring(LEGACY_NON_ROOT_DIR.length()).replaceAll("^/+|/+$", "");
          if (!legacyGun.isEmpty()) {
            headers.put(EncryptedKeyFiles.GUN_HEADER, legacyGun);
          }
        }
        path = path.substring(path.lastIndexOf('/') + 1);
      }
      if (headers.getOrDefault(EncryptedKeyFiles.GUN_HEADER, "").isEmpty() && !gun.isEmpty()) {
        headers.put(EncryptedKeyFiles.GUN_HEADER, gun);
      }
      if (headers.getOrDefault(EncryptedKeyFiles.ROLE_HEADER, "").isEmpty()) {
        headers.put(EncryptedKeyFiles.ROLE_HEADER, role.isEmpty() ? DEFAULT_ROLE : role);
      }
      String keyRole = headers.get(EncryptedKeyFiles.ROLE_HEADER);
      boolean repositoryBound = keyRole.equals(RoleNames.TARGETS) || keyRole.equals(RoleNames.SNAPSHOT)
          || keyRole.equals(RoleNames.TIMESTAMP);
      if (repositoryBound && headers.getOrDefault(EncryptedKeyFiles.GUN_HEADER, "").isEmpty()) {
        failures.add("invalid key pem block");
        spec.commandLine().getErr().println("WARN: cannot import a " + keyRole + " key without a gun (give -g)");
        continue;
      }
      if (!repositoryBound) {
        headers.remove(EncryptedKeyFiles.GUN_HEADER);
      }
      headers.remove(PATH_HEADER);
      PemBlock cleaned = new PemBlock(block.type(), headers, block.bytes());
      boolean encrypted = block.type().equals(EncryptedKeyFiles.ENCRYPTED_TYPE) || headers.containsKey("DEK-Info");
      byte[] stored;
      String location = path;
      if (encrypted) {
        if (location.isEmpty()) {
          failures.add("invalid key pem block");
          spec.commandLine().getErr().println("WARN: cannot import an encrypted key without a path header"
              + " (export it with key export, or decrypt it first)");
          continue;
        }
        stored = Pem.encode(cleaned.type(), cleaned.headers(), cleaned.bytes());
      } else {
        TufPrivateKey privateKey;
        try {
          privateKey = EncryptedKeyFiles.read(cleaned, null).key().bare();
        } catch (MalformedKeyException | UnsupportedKeyTypeException e) {
          failures.add("invalid key pem block");
          continue;
        }
        if (location.isEmpty()) {
          location = privateKey.canonicalId();
        }
        stored = encrypt(privateKey, keyRole, headers.get(EncryptedKeyFiles.GUN_HEADER), location, passphrases);
      }
      byLocation.computeIfAbsent(location, l -> new ByteArrayOutputStream()).writeBytes(stored);
    }
    byLocation.forEach((location, bytes) -> store.storeKeyFile(location, bytes.toByteArray()));
    if (byLocation.isEmpty() && !failures.isEmpty()) {
      throw new NotaryCliException("failed to import all keys: " + String.join(", ", failures));
    }
  }

  private static byte[] encrypt(TufPrivateKey privateKey, String role, String gun, String location,
      PassphraseRetriever passphrases) {
    for (int attempt = 0; attempt <= MAX_PASSPHRASE_ATTEMPTS; attempt++) {
      Optional<char[]> passphrase = passphrases.passphrase(location, role, true, attempt);
      if (passphrase.isEmpty()) {
        break;
      }
      if (passphrase.get().length == 0) {
        continue;
      }
      try {
        return EncryptedKeyFiles.write(privateKey, role, gun, passphrase.get(), new SecureRandom());
      } finally {
        Arrays.fill(passphrase.get(), '\0');
      }
    }
    throw new NotaryCliException("maximum number of passphrase attempts exceeded");
  }
}
