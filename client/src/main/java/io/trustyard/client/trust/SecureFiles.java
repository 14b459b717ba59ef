package io.trustyard.client.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * File I/O for the trust dir: directories 0700, files 0600 (as notary writes them), writes that
 * land whole or not at all, reads bounded by a size limit.
 */
public final class SecureFiles {
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private SecureFiles() {}

  static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  /** Writes to a temp file beside {@code target} (0600) and renames it over the target. */
  public static void writeAtomically(Path target, byte[] content) throws IOException {
    createDirectories(target.getParent());
    Path tmp;
    try {
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
          PosixFilePermissions.asFileAttribute(FILE));
    } catch (UnsupportedOperationException e) {
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    }
    try {
      Files.write(tmp, content);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The file's bytes, or empty when it does not exist; larger than {@code max} is an error. */
  static Optional<byte[]> readBounded(Path file, long max) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > max) {
        throw new IOException(file + " is larger than " + max + " bytes");
      }
      return Optional.of(bytes);
    }
  }
}
