package io.trustyard.core.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key exactly as it appears in TUF metadata: the {@code keytype} string and the raw bytes
 * of {@code keyval.public} (spec/notary.md §2.6). Unknown key types are carried as they are (their
 * ID is computed like any other) but never verify.
 *
 * <p>A final class rather than a record so that the IDs are computed once; accessors are
 * record-style ({@code keyType()}, {@code publicBytes()}), equality is by content.
 */
public final class TufPublicKey {
  private final String keyType;
  private final byte[] publicBytes;
  private volatile String id;
  private volatile String canonicalId;

  public TufPublicKey(String keyType, byte[] publicBytes) {
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.publicBytes = Objects.requireNonNull(publicBytes, "publicBytes").clone();
  }

  public TufPublicKey(KeyType keyType, byte[] publicBytes) {
    this(keyType.wireName(), publicBytes);
  }

  public String keyType() {
    return keyType;
  }

  public byte[] publicBytes() {
    return publicBytes.clone();
  }

  /** Length of {@code keyval.public} without copying it. */
  public int publicLength() {
    return publicBytes.length;
  }

  public Optional<KeyType> type() {
    return KeyType.fromWireName(keyType);
  }

  /**
   * The TUF key ID: lowercase hex SHA-256 of
   * {@code {"keytype":"<t>","keyval":{"private":null,"public":"<base64>"}}} in Notary's canonical
   * JSON (only {@code "} and {@code \} escaped, everything else raw UTF-8).
   */
  public String id() {
    String v = id;
    if (v == null) {
      v = computeId(keyType, publicBytes);
      id = v;
    }
    return v;
  }

  /**
   * The ID private keys are filed under: for {@code *-x509} keys the ID of the bare
   * {@code ecdsa}/{@code rsa} key of the first certificate's public key; otherwise {@link #id()}.
   *
   * @throws MalformedKeyException if an x509 key's first PEM block is not a certificate
   */
  public String canonicalId() {
    String v = canonicalId;
    if (v == null) {
      v = computeCanonicalId();
      canonicalId = v;
    }
    return v;
  }

  private String computeCanonicalId() {
    Optional<KeyType> t = type();
    if (t.isEmpty() || !t.get().isX509()) {
      return id();
    }
    X509Certificate cert = X509Pem.firstCertificate(publicBytes);
    return computeId(t.get().bareType().wireName(), cert.getPublicKey().getEncoded());
  }

  static String computeId(String keyType, byte[] publicBytes) {
    ByteArrayOutputStream json = new ByteArrayOutputStream(publicBytes.length * 4 / 3 + 80);
    json.writeBytes("{\"keytype\":\"".getBytes(StandardCharsets.US_ASCII));
    for (byte b : keyType.getBytes(StandardCharsets.UTF_8)) {
      if (b == '"' || b == '\\') {
        json.write('\\');
      }
      json.write(b);
    }
    json.writeBytes("\",\"keyval\":{\"private\":null,\"public\":\"".getBytes(StandardCharsets.US_ASCII));
    json.writeBytes(Base64.getEncoder().encode(publicBytes));
    json.writeBytes("\"}}".getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(sha256(json.toByteArray()));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TufPublicKey k && keyType.equals(k.keyType) && Arrays.equals(publicBytes, k.publicBytes);
  }

  @Override
  public int hashCode() {
    return keyType.hashCode() * 31 + Arrays.hashCode(publicBytes);
  }

  @Override
  public String toString() {
    return "TufPublicKey[" + keyType + ", id=" + id() + "]";
  }
}
