package io.trustyard.cli.sandbox;

import java.util.Map;

/** Multi-process mode: each service as its own OS process from its own config file. */
final class SandboxProcesses implements AutoCloseable {
  private SandboxProcesses() {}

  static SandboxProcesses start(SandboxSettings s, Map<String, String> env) {
    throw new UnsupportedOperationException("multi-process mode is not built yet");
  }

  @Override
  public void close() {}
}
