package io.trustyard.cli.trust;

import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.MalformedKeyException;
import io.trustyard.core.crypto.Pem;
import io.trustyard.core.crypto.UnsupportedKeyTypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trust key load [--name NAME] KEYFILE}: imports a private key (encrypted or not) into the
 * trust dir as signer NAME, encrypted with a new passphrase. The file must be private to its owner.
 */
@Command(name = "load", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Load a private key file for signing.")
final class TrustKeyLoadCommand extends TrustSubcommand {
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  @Parameters(index = "0", paramLabel = "KEYFILE") String keyFile;

  @Option(names = "--name", paramLabel = "string",
      description = "Name for the loaded key (default: the file's role header, else \"signer\").")
  String name;

  @Override
  int run() throws Exception {
    if (name != null && !name.isEmpty() && !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(invalidName("key", name));
    }
    out().println("Loading key from \"" + keyFile + "\"...");
    out().flush();
    Path file = Path.of(keyFile);
    byte[] pem;
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (mode.stream().anyMatch(OTHERS::contains)) {
        throw new IllegalArgumentException("private key file " + keyFile + " must not be readable or writable by others");
      }
      if (Files.size(file) > Pem.MAX_PEM_BYTES) {
        throw new IllegalArgumentException(keyFile + " is too large to be a key file");
      }
      pem = Files.readAllBytes(file);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("refusing to load key from " + keyFile + ": " + message(e), e);
    }
    String role;
    try {
      String type = Pem.decodeFirst(pem).type();
      if (!type.endsWith("PRIVATE KEY")) {
        throw new MalformedKeyException("not a private key");
      }
      String header = EncryptedKeyFiles.headers(pem).getOrDefault(EncryptedKeyFiles.ROLE_HEADER, "");
      role = name != null && !name.isEmpty() ? name : !header.isEmpty() ? header : "signer";
    } catch (MalformedKeyException e) {
      throw new IllegalArgumentException("error importing key from " + keyFile + ": provided file " + keyFile
          + " is not a supported private key - to add a signer's public key use trustyard trust signer add", e);
    }
    try {
      setup().keys().importKey(pem, role, keyFile);
    } catch (MalformedKeyException | UnsupportedKeyTypeException e) {
      throw new IllegalArgumentException("error importing key from " + keyFile + ": cannot load key from provided file "
          + keyFile + ": " + e.getMessage(), e);
    }
    out().println("Successfully imported key from " + keyFile);
    return 0;
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "stat " + e.getMessage() + ": no such file or directory";
    }
    return e.getMessage();
  }
}
