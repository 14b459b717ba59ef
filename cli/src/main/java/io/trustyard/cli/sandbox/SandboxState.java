package io.trustyard.cli.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code sandbox.json}: which process runs the sandbox on which ports, written when it is up and
 * removed when it stops, so that {@code status} and {@code down} find it from another shell.
 */
record SandboxState(long pid, String mode, int registryPort, int trustServerPort, int signerPort, int signerHttpPort) {
  static final String FILE = "sandbox.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  static SandboxState of(SandboxSettings s, String mode) {
    return new SandboxState(ProcessHandle.current().pid(), mode, s.registryPort(), s.trustServerPort(), s.signerPort(),
        s.signerHttpPort());
  }

  void write(Path dataDir) throws IOException {
    Path tmp = dataDir.resolve(FILE + ".tmp");
    Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    Files.move(tmp, dataDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static Optional<SandboxState> read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > 64 * 1024) {
        return Optional.empty();
      }
      return Optional.of(JSON.readValue(file.toFile(), SandboxState.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static void clear(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(FILE));
    } catch (IOException e) {
      // A stale file is harmless: status and down check that the process is alive.
    }
  }

  /** The sandbox's process, if it is still running (a stale file from a killed run gives empty). */
  Optional<ProcessHandle> process() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(true));
  }
}
