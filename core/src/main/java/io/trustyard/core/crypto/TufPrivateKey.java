package io.trustyard.core.crypto;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * A private key with its public half as published in TUF metadata. The public half may be the bare
 * key ({@code ecdsa}, {@code rsa}, {@code ed25519}) or, for a root key, the {@code *-x509}
 * certificate key wrapping it (see {@link #withPublicKey}).
 *
 * <p>Construction checks that the JDK key really is the private half of {@code publicKey}: a key
 * file or database row cannot pair one public key with another key's secret.
 */
public record TufPrivateKey(TufPublicKey publicKey, PrivateKey jcaKey) {
  public TufPrivateKey {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(jcaKey, "jcaKey");
    KeyType type = publicKey.type()
        .orElseThrow(() -> new UnsupportedKeyTypeException("unknown key type " + publicKey.keyType()));
    byte[] derivedPublic;
    try {
      derivedPublic = KeyMaterial.publicBytesOf(type.bareType(), jcaKey);
    } catch (UnsupportedKeyTypeException e) {
      throw new MalformedKeyException(
          "a " + jcaKey.getAlgorithm() + " private key does not belong to " + publicKey.keyType() + " key " + publicKey.id());
    }
    String derived = TufPublicKey.computeId(type.bareType().wireName(), derivedPublic);
    if (!derived.equals(publicKey.canonicalId())) {
      throw new MalformedKeyException("private key does not belong to public key " + publicKey.id());
    }
  }

  /** The key type of the public half. */
  public KeyType type() {
    return publicKey.type().orElseThrow();
  }

  /** The TUF ID of the public half (what signatures carry as {@code keyid}). */
  public String id() {
    return publicKey.id();
  }

  /** The ID the key is filed under (private/&lt;canonicalId&gt;.key, signer DB). */
  public String canonicalId() {
    return publicKey.canonicalId();
  }

  /** "ecdsa", "rsapss" or "eddsa". */
  public String signatureMethod() {
    return type().signatureMethod();
  }

  /** Notary's private encoding (§2.6): SEC1 ECPrivateKey / PKCS#1 RSAPrivateKey / ed25519 96 bytes. */
  public byte[] privateBytes() {
    return KeyMaterial.privateBytesOf(type().bareType(), jcaKey);
  }

  /** The same secret presented under another public key (e.g. its root certificate); checked. */
  public TufPrivateKey withPublicKey(TufPublicKey other) {
    return new TufPrivateKey(other, jcaKey);
  }

  /** The same secret with its bare public key (what key files and the signer store). */
  public TufPrivateKey bare() {
    KeyType bare = type().bareType();
    return new TufPrivateKey(new TufPublicKey(bare, KeyMaterial.publicBytesOf(bare, jcaKey)), jcaKey);
  }

  /**
   * Rebuilds a key from Notary's stored form (signer database: algorithm, public, private columns).
   *
   * @throws MalformedKeyException if the bytes do not parse or do not belong together
   */
  public static TufPrivateKey fromPrivateBytes(String keyType, byte[] publicBytes, byte[] privateBytes) {
    KeyType type = KeyType.fromWireName(keyType)
        .orElseThrow(() -> new UnsupportedKeyTypeException("unknown key type " + keyType));
    PrivateKey jca = KeyMaterial.jcaPrivate(type.bareType(), privateBytes, null);
    return new TufPrivateKey(new TufPublicKey(keyType, publicBytes), jca);
  }

  @Override
  public String toString() {
    return "TufPrivateKey[" + publicKey.keyType() + ", id=" + publicKey.id() + "]";
  }
}
