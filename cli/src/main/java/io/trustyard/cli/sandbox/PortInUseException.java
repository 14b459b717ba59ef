package io.trustyard.cli.sandbox;

/** A port the sandbox needs is taken; the message names the port, the service and the flag that moves it. */
final class PortInUseException extends RuntimeException {
  PortInUseException(String service, int port, String flag) {
    super("port " + port + " for the " + service + " is already in use; stop what listens there or pick another"
        + " port with " + flag + " PORT");
  }
}
