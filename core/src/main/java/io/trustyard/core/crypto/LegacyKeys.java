package io.trustyard.core.crypto;

import java.security.PrivateKey;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMDecryptor;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Pre-PKCS#8 Notary key files: {@code EC PRIVATE KEY} (SEC1), {@code RSA PRIVATE KEY} (PKCS#1),
 * {@code ED25519 PRIVATE KEY} (96-byte blob), optionally with OpenSSL's
 * {@code Proc-Type: 4,ENCRYPTED}/{@code DEK-Info} encryption (Go's x509.DecryptPEMBlock).
 */
final class LegacyKeys {
  /** Created on first use only: legacy files are rare and the provider is costly to build. */
  private static final class Bc {
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
  }

  private LegacyKeys() {}

  static TufPrivateKey read(PemBlock block, char[] passphrase) {
    byte[] der = block.bytes();
    String dekInfo = block.headers().get("DEK-Info");
    boolean encrypted = dekInfo != null && block.headers().getOrDefault("Proc-Type", "").contains("ENCRYPTED");
    if (encrypted) {
      der = decrypt(der, dekInfo, passphrase);
    }
    KeyType bare = switch (block.type()) {
      case "EC PRIVATE KEY" -> KeyType.ECDSA;
      case "RSA PRIVATE KEY" -> KeyType.RSA;
      default -> KeyType.ED25519;
    };
    PrivateKey jca;
    try {
      jca = KeyMaterial.jcaPrivate(bare, der, null);
    } catch (MalformedKeyException | UnsupportedKeyTypeException e) {
      if (encrypted) {
        throw new WrongPassphraseException("incorrect passphrase for the key file");
      }
      throw e;
    }
    return new TufPrivateKey(new TufPublicKey(bare, KeyMaterial.publicBytesOf(bare, jca)), jca);
  }

  private static byte[] decrypt(byte[] der, String dekInfo, char[] passphrase) {
    if (passphrase == null || passphrase.length == 0) {
      throw new WrongPassphraseException("the key file is encrypted and no passphrase was given");
    }
    int comma = dekInfo.indexOf(',');
    if (comma < 0) {
      throw new MalformedKeyException("malformed DEK-Info header");
    }
    String algorithm = dekInfo.substring(0, comma).strip();
    byte[] iv;
    try {
      iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1).strip());
    } catch (IllegalArgumentException e) {
      throw new MalformedKeyException("malformed DEK-Info IV", e);
    }
    try {
      PEMDecryptor decryptor = new JcePEMDecryptorProviderBuilder()
          .setProvider(Bc.PROVIDER)
          .build(passphrase)
          .get(algorithm);
      return decryptor.decrypt(der, iv);
    } catch (OperatorCreationException e) {
      throw new UnsupportedKeyTypeException("unsupported DEK-Info cipher " + algorithm);
    } catch (PEMException e) {
      throw new WrongPassphraseException("incorrect passphrase for the key file");
    }
  }
}
