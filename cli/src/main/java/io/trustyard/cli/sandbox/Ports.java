package io.trustyard.cli.sandbox;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks, before anything starts, that each port is free, so a clash is one clear line and not a half-started sandbox. */
final class Ports {
  private Ports() {}

  /** Every port of the sandbox, each named with its service and flag. */
  static void requireFree(SandboxSettings s) {
    requireFree("registry", s.registryPort(), "--registry-port");
    requireFree("trust server", s.trustServerPort(), "--trust-server-port");
    requireFree("signer", s.signerPort(), "--signer-port");
    requireFree("signer's health and metrics", s.signerHttpPort(), "--signer-http-port");
  }

  static void requireFree(String service, int port, String flag) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(InetAddress.getByName(SandboxSettings.HOST), port));
    } catch (BindException e) {
      throw new PortInUseException(service, port, flag);
    } catch (IOException e) {
      throw new IllegalStateException("cannot check port " + port + " for the " + service + ": " + e.getMessage(), e);
    }
  }

  /** True when some cause in the chain is a failed bind (a port taken between the check and the start). */
  static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }
}
