package io.trustyard.cli.notary;

/** A failure reported as notary reports it: {@code * fatal: <message>} and exit status 1. */
final class NotaryCliException extends RuntimeException {
  NotaryCliException(String message) {
    super(message);
  }
}
