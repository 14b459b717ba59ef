package io.trustyard.core.digest;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content digest {@code algorithm:hex}. Always canonical: lowercase hex of the algorithm's exact
 * length, so equal content gives equal (and equal-string) digests.
 */
public record Digest(DigestAlgorithm algorithm, String hex) implements Comparable<Digest> {

  /** Longest string {@link #parse} looks at; anything longer is rejected before any regex runs. */
  public static final int MAX_LENGTH = 256;

  private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*");
  private static final Pattern ENCODED = Pattern.compile("[a-zA-Z0-9=_-]+");
  private static final Pattern LOWER_HEX = Pattern.compile("[a-f0-9]+");

  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != algorithm.hexLength() || !LOWER_HEX.matcher(hex).matches()) {
      throw new InvalidDigestException(
          algorithm.id() + " digests are " + algorithm.hexLength() + " lowercase hex characters", false);
    }
  }

  /**
   * Parses {@code algorithm:encoded}.
   *
   * @throws InvalidDigestException if the string is malformed, not canonical, or names an
   *     algorithm other than sha256 or sha512
   */
  public static Digest parse(String s) {
    if (s == null || s.isEmpty()) {
      throw new InvalidDigestException("a digest is required (algorithm:hex)", false);
    }
    if (s.length() > MAX_LENGTH) {
      throw new InvalidDigestException("digest is longer than " + MAX_LENGTH + " characters", false);
    }
    int colon = s.indexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      throw new InvalidDigestException("digest '" + s + "' is not of the form algorithm:hex", false);
    }
    String alg = s.substring(0, colon);
    String encoded = s.substring(colon + 1);
    if (!ALGORITHM.matcher(alg).matches() || !ENCODED.matcher(encoded).matches()) {
      throw new InvalidDigestException("digest '" + s + "' is not of the form algorithm:hex", false);
    }
    DigestAlgorithm algorithm = DigestAlgorithm.byId(alg).orElseThrow(() -> new InvalidDigestException(
        "digest algorithm '" + alg + "' is not supported (use sha256 or sha512)", true));
    return new Digest(algorithm, encoded);
  }

  /** True if {@code s} parses as a digest. */
  public static boolean isValid(String s) {
    try {
      parse(s);
      return true;
    } catch (InvalidDigestException e) {
      return false;
    }
  }

  /** The digest of the given algorithm over raw digest output bytes. */
  public static Digest of(DigestAlgorithm algorithm, byte[] rawDigest) {
    return new Digest(algorithm, HexFormat.of().formatHex(rawDigest));
  }

  /** Digest of {@code content} with sha256. */
  public static Digest sha256(byte[] content) {
    return compute(DigestAlgorithm.SHA256, content);
  }

  /** Digest of {@code content} with {@code algorithm}. */
  public static Digest compute(DigestAlgorithm algorithm, byte[] content) {
    return of(algorithm, algorithm.newMessageDigest().digest(content));
  }

  /** The raw digest bytes. */
  public byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }

  /** True if {@code content} hashes to this digest. */
  public boolean matches(byte[] content) {
    return equals(compute(algorithm, content));
  }

  @Override
  public int compareTo(Digest o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return algorithm.id() + ":" + hex;
  }
}
