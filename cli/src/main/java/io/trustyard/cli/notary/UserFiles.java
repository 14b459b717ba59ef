package io.trustyard.cli.notary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files the user names on the command line: key files read with a size bound, key output written 0600. */
final class UserFiles {
  /** Far above any PEM file of keys notary writes; a larger file is not one. */
  static final int MAX_KEY_FILE_BYTES = 1 << 20;

  private UserFiles() {}

  static byte[] readKeyFile(String name) {
    Path file = Path.of(name);
    try {
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw new NotaryCliException(name + " is larger than " + MAX_KEY_FILE_BYTES + " bytes; it is not a key file");
      }
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new NotaryCliException("open " + name + ": no such file or directory");
    } catch (IOException e) {
      throw new NotaryCliException("cannot read " + name + ": " + e.getMessage());
    }
  }

  /** Creates or truncates {@code name} readable by its owner only (it may hold private keys). */
  static void writePrivate(String name, byte[] content) {
    Path file = Path.of(name);
    try {
      if (!Files.exists(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new NotaryCliException("cannot write " + name + ": " + e.getMessage());
    }
  }
}
