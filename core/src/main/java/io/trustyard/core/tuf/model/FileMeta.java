package io.trustyard.core.tuf.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A target or a metadata file as listed in targets, snapshot and timestamp: its length, its hashes
 * by algorithm name ({@code sha256}, {@code sha512}; others are carried but never checked), and an
 * optional {@code custom} value (omitted from the JSON when absent).
 */
public record FileMeta(long length, Map<String, byte[]> hashes, Optional<JsonNode> custom,
    UnknownFields unknown) {
  public static final String SHA256 = "sha256";
  public static final String SHA512 = "sha512";

  public FileMeta {
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length);
    }
    Map<String, byte[]> copy = new TreeMap<>();
    hashes.forEach((k, v) -> copy.put(k, v.clone()));
    hashes = Collections.unmodifiableMap(copy);
    custom = custom.map(JsonNode::deepCopy);
    Objects.requireNonNull(unknown, "unknown");
  }

  /** Length, sha256 and sha512 of {@code content}, as the Notary CLI writes them. */
  public static FileMeta of(byte[] content) {
    return new FileMeta(content.length,
        Map.of(SHA256, digest("SHA-256", content), SHA512, digest("SHA-512", content)),
        Optional.empty(), UnknownFields.NONE);
  }

  /** Length and sha256 only, as docker writes a tag's manifest. */
  public static FileMeta sha256Only(long length, byte[] sha256) {
    return new FileMeta(length, Map.of(SHA256, sha256), Optional.empty(), UnknownFields.NONE);
  }

  public FileMeta withCustom(JsonNode value) {
    return new FileMeta(length, hashes, Optional.of(value), unknown);
  }

  @Override
  public Map<String, byte[]> hashes() {
    Map<String, byte[]> copy = new TreeMap<>();
    hashes.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  public Optional<byte[]> hash(String algorithm) {
    return Optional.ofNullable(hashes.get(algorithm)).map(byte[]::clone);
  }

  @Override
  public Optional<JsonNode> custom() {
    return custom.map(JsonNode::deepCopy);
  }

  /**
   * Whether {@code content} has this length and matches every sha256/sha512 listed, with at least
   * one of them listed (spec/notary.md §2.13). Other hash names are ignored.
   */
  public boolean matches(byte[] content) {
    return content.length == length && hashesMatch(content);
  }

  /** The hash half of {@link #matches}: at least one known hash, and every known hash equal. */
  public boolean hashesMatch(byte[] content) {
    boolean any = false;
    for (String algorithm : new String[] {SHA256, SHA512}) {
      byte[] expected = hashes.get(algorithm);
      if (expected != null) {
        any = true;
        byte[] actual = digest(algorithm.equals(SHA256) ? "SHA-256" : "SHA-512", content);
        if (!MessageDigest.isEqual(expected, actual)) {
          return false;
        }
      }
    }
    return any;
  }

  static byte[] digest(String algorithm, byte[] content) {
    try {
      return MessageDigest.getInstance(algorithm).digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " missing from the JDK", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FileMeta f) || f.length != length || !f.hashes.keySet().equals(hashes.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
      if (!Arrays.equals(e.getValue(), f.hashes.get(e.getKey()))) {
        return false;
      }
    }
    return custom.equals(f.custom) && unknown.equals(f.unknown);
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(length);
    for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
      h = h * 31 + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
    }
    return h * 31 + custom.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FileMeta[length=").append(length);
    hashes.forEach((k, v) -> sb.append(", ").append(k).append('=')
        .append(Base64.getEncoder().encodeToString(v)));
    custom.ifPresent(c -> sb.append(", custom=").append(c));
    return sb.append(']').toString();
  }
}
