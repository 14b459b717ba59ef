package io.trustyard.cli.image;

/** Content trust was asked for but cannot be given; the command stops rather than go unverified. */
final class TrustUnavailableException extends RuntimeException {
  TrustUnavailableException(String message) {
    super(message);
  }
}
