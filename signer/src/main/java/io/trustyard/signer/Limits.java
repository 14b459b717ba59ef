package io.trustyard.signer;

/** Bounds on what a signer accepts, checked before anything is stored or signed. */
public final class Limits {

  /**
   * Largest content a Sign request may carry. Notary caps the largest TUF role (a snapshot or
   * targets file of a big repository) well below this; gRPC's own default message cap is 4 MiB.
   */
  public static final int MAX_SIGN_BYTES = 4 * 1024 * 1024;
  /** gRPC inbound message cap: the largest Sign request plus its envelope. */
  public static final int MAX_MESSAGE_BYTES = MAX_SIGN_BYTES + 64 * 1024;
  /** Column sizes of notary-signer's {@code private_keys} table. */
  public static final int MAX_GUN_CHARS = 255;
  public static final int MAX_ROLE_CHARS = 255;
  public static final int MAX_KEY_ID_CHARS = 255;

  private Limits() {}
}
