package io.trustyard.cli.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The sandbox's data directory: made 0700 with a marker file, so that {@code sandbox down -v}
 * deletes only a directory the sandbox itself made; the client-side files (the env file to source,
 * the CA where docker-style clients look for a trust server's CA).
 */
final class SandboxFiles {
  static final String MARKER = ".trustyard-sandbox";

  private SandboxFiles() {}

  static void prepare(SandboxSettings s) throws IOException {
    Path dir = s.dataDir();
    if (Files.exists(dir) && !Files.exists(dir.resolve(MARKER))) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalStateException(dir + " exists and was not made by the sandbox; pick another data directory"
              + " with --dir or $" + SandboxSettings.DIR_VARIABLE);
        }
      }
    }
    Files.createDirectories(dir);
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // Not POSIX: nothing to tighten.
    }
    if (!Files.exists(dir.resolve(MARKER))) {
      Files.writeString(dir.resolve(MARKER), "made by trustyard sandbox; `trustyard sandbox down -v` deletes this directory\n");
    }
    for (String sub : new String[] {"signer", "trust-server", "registry", "images", "docker"}) {
      Files.createDirectories(dir.resolve(sub));
    }
  }

  /** The CA where docker and our client look for a trust server's CA, and the env file to source. */
  static void writeClientFiles(SandboxSettings s, SandboxPki pki) {
    try {
      Path tls = s.dockerConfig().resolve("tls").resolve("localhost:" + s.trustServerPort());
      Files.createDirectories(tls);
      Files.copy(pki.rootCa(), tls.resolve("ca.crt"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(s.envFile(), SandboxReport.envFile(s));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the client files in " + s.dataDir(), e);
    }
  }

  /** Deletes the data directory, refusing one without the marker (never a directory we did not make). */
  static void remove(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.exists(dir.resolve(MARKER))) {
      throw new IllegalStateException(dir + " was not made by the sandbox (no " + MARKER + " file); not deleting it");
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
