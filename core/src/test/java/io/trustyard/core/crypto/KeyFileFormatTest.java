package io.trustyard.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Layout of the key files we write, and which foreign key files we read or refuse. */
class KeyFileFormatTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static TufPrivateKey key(KeyType type) {
    return type == KeyType.RSA ? RsaKeys.shared() : TufKeys.generate(type, RANDOM);
  }

  private static byte[] resource(String name) {
    try (InputStream in = KeyFileFormatTest.class.getResourceAsStream("/crypto/openssl/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"ECDSA", "RSA", "ED25519"})
  void innerPkcs8IsGosNonStandardLayout(KeyType type) {
    TufPrivateKey key = key(type);
    ASN1Sequence info = (ASN1Sequence) KeyMaterial.parse(Pkcs8Codec.encode(key));
    ASN1Sequence algorithm = (ASN1Sequence) info.getObjectAt(1);
    byte[] inner = ((ASN1OctetString) info.getObjectAt(2)).getOctets();
    assertThat(info.size()).isEqualTo(3);
    assertThat(inner).isEqualTo(key.privateBytes());
    switch (type) {
      case ECDSA -> {
        assertThat(((ASN1Integer) info.getObjectAt(0)).intValueExact()).isEqualTo(1);
        assertThat(algorithm.getObjectAt(0)).isEqualTo(new ASN1ObjectIdentifier("1.2.840.10045.2.1"));
        assertThat(algorithm.getObjectAt(1)).isEqualTo(new ASN1ObjectIdentifier("1.2.840.10045.3.1.7"));
        assertThat(algorithm.size()).isEqualTo(2);
      }
      case RSA -> {
        assertThat(((ASN1Integer) info.getObjectAt(0)).intValueExact()).isZero();
        assertThat(algorithm.size()).as("no NULL parameter").isEqualTo(1);
        assertThat(algorithm.getObjectAt(0)).isEqualTo(new ASN1ObjectIdentifier("1.2.840.113549.1.1.1"));
      }
      default -> {
        assertThat(((ASN1Integer) info.getObjectAt(0)).intValueExact()).isZero();
        assertThat(algorithm.size()).isEqualTo(1);
        assertThat(algorithm.getObjectAt(0)).isEqualTo(new ASN1ObjectIdentifier("1.3.6.1.4.1.11591.15.1"));
        assertThat(inner).hasSize(96);
        byte[] pub = key.publicKey().publicBytes();
        assertThat(java.util.Arrays.copyOfRange(inner, 0, 32)).isEqualTo(pub);
        assertThat(java.util.Arrays.copyOfRange(inner, 64, 96)).isEqualTo(pub);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"ECDSA", "RSA", "ED25519"})
  void encryptedAndPlainFilesRoundTrip(KeyType type) {
    TufPrivateKey key = key(type);
    byte[] encrypted = EncryptedKeyFiles.write(key, "targets", "example.com/a/b", "pässwörd ✓".toCharArray(), RANDOM);
    EncryptedKeyFiles.KeyFile read = EncryptedKeyFiles.read(encrypted, "pässwörd ✓".toCharArray());
    assertThat(read).isEqualTo(new EncryptedKeyFiles.KeyFile(key, "targets", Optional.of("example.com/a/b")));
    assertThatThrownBy(() -> EncryptedKeyFiles.read(encrypted, "passwörd ✓".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);

    byte[] plain = EncryptedKeyFiles.writeUnencrypted(key, "releases", null);
    assertThat(new String(plain, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----\nrole: releases\n\n");
    assertThat(EncryptedKeyFiles.isEncrypted(plain)).isFalse();
    assertThat(EncryptedKeyFiles.read(plain, null)).isEqualTo(new EncryptedKeyFiles.KeyFile(key, "releases", Optional.empty()));
  }

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"ECDSA", "RSA", "ED25519"})
  void standardPkcs8FromTheJdkIsReadToo(KeyType type) {
    TufPrivateKey key = key(type);
    byte[] standard = Pem.encode("PRIVATE KEY", Map.of("role", "targets", "gun", "g"), key.jcaKey().getEncoded());
    EncryptedKeyFiles.KeyFile read = EncryptedKeyFiles.read(standard, null);
    assertThat(read).isEqualTo(new EncryptedKeyFiles.KeyFile(key, "targets", Optional.of("g")));
  }

  @Test
  void pbes2ParametersAreNotarys() {
    byte[] pem = EncryptedKeyFiles.write(key(KeyType.ECDSA), "root", null, "passphrase".toCharArray(), RANDOM);
    ASN1Sequence info = (ASN1Sequence) KeyMaterial.parse(Pem.decodeFirst(pem).bytes());
    ASN1Sequence algorithm = (ASN1Sequence) info.getObjectAt(0);
    assertThat(algorithm.getObjectAt(0)).isEqualTo(Pbes2.PBES2);
    ASN1Sequence kdf = (ASN1Sequence) ((ASN1Sequence) algorithm.getObjectAt(1)).getObjectAt(0);
    ASN1Sequence kdfParams = (ASN1Sequence) kdf.getObjectAt(1);
    assertThat(kdf.getObjectAt(0)).isEqualTo(Pbes2.PBKDF2);
    assertThat(kdfParams.size()).as("salt and iterations only: no key length, default PRF").isEqualTo(2);
    assertThat(((ASN1OctetString) kdfParams.getObjectAt(0)).getOctets()).hasSize(8);
    assertThat(((ASN1Integer) kdfParams.getObjectAt(1)).intValueExact()).isEqualTo(2048);
    ASN1Sequence scheme = (ASN1Sequence) ((ASN1Sequence) algorithm.getObjectAt(1)).getObjectAt(1);
    assertThat(scheme.getObjectAt(0)).isEqualTo(Pbes2.AES_256_CBC);
    assertThat(((ASN1OctetString) scheme.getObjectAt(1)).getOctets()).hasSize(16);
  }

  @Test
  void foreignEcFilesDecodeToTheSameKey() {
    byte[] spki = Pem.decodeFirst(resource("ec.pub")).bytes();
    Map<String, String> files = Map.of(
        "ec-sha1.p8", "openssl-sha1",
        "ec-sha256.p8", "openssl-sha256",
        "ec-legacy.pem", "openssl-legacy",
        "ec-plain.p8", "");
    files.forEach((name, passphrase) -> {
      EncryptedKeyFiles.KeyFile read = EncryptedKeyFiles.read(resource(name), passphrase.toCharArray());
      assertThat(read.key().publicKey()).as(name).isEqualTo(new TufPublicKey(KeyType.ECDSA, spki));
      assertThat(read.role()).as(name).isEmpty();
      assertThat(read.gun()).as(name).isEmpty();
    });
    assertThatThrownBy(() -> EncryptedKeyFiles.read(resource("ec-legacy.pem"), "wrong".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
    assertThatThrownBy(() -> EncryptedKeyFiles.read(resource("ec-sha256.p8"), "openssl-sha1".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void legacyRsaAndEd25519KeyFilesAreRead() {
    byte[] rsaSpki = Pem.decodeFirst(resource("rsa.pub")).bytes();
    TufPrivateKey rsa = EncryptedKeyFiles.read(resource("rsa-legacy.pem"), "openssl-rsa-legacy".toCharArray()).key();
    assertThat(rsa.publicKey()).isEqualTo(new TufPublicKey(KeyType.RSA, rsaSpki));
    assertThat(EncryptedKeyFiles.isEncrypted(resource("rsa-legacy.pem"))).isTrue();
    assertThatThrownBy(() -> EncryptedKeyFiles.read(resource("rsa-legacy.pem"), "nope".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
    assertThatThrownBy(() -> EncryptedKeyFiles.read(resource("rsa-legacy.pem"), null))
        .isInstanceOf(WrongPassphraseException.class);

    TufPrivateKey ed = key(KeyType.ED25519);
    byte[] legacy = Pem.encode("ED25519 PRIVATE KEY", Map.of("role", "timestamp"), ed.privateBytes());
    EncryptedKeyFiles.KeyFile read = EncryptedKeyFiles.read(legacy, null);
    assertThat(read.key()).isEqualTo(ed);
    assertThat(read.role()).isEqualTo("timestamp");
  }

  @Test
  void onlyAes256CbcIsAccepted() {
    assertThatThrownBy(() -> EncryptedKeyFiles.read(resource("ec-des3.p8"), "openssl-des3".toCharArray()))
        .isInstanceOf(MalformedKeyException.class).hasMessageContaining("AES-256-CBC");
  }

  @Test
  void rfc8410Ed25519KeysAreReadAndRewrittenInNotarysForm() {
    TufPrivateKey key = EncryptedKeyFiles.read(resource("ed.pem"), null).key();
    assertThat(key.type()).isEqualTo(KeyType.ED25519);
    byte[] rewritten = EncryptedKeyFiles.writeUnencrypted(key, "delegation", null);
    ASN1Sequence info = (ASN1Sequence) KeyMaterial.parse(Pem.decodeFirst(rewritten).bytes());
    assertThat(((ASN1Sequence) info.getObjectAt(1)).getObjectAt(0)).isEqualTo(Pkcs8Codec.ED25519_NOTARY);
    assertThat(EncryptedKeyFiles.read(rewritten, null).key()).isEqualTo(key);
  }

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"ECDSA", "RSA", "ED25519"})
  void tamperedCiphertextNeverDecryptsToAnotherKey(KeyType type) throws Exception {
    // RSA files are long: every third byte still hits every cipher block several times.
    int step = type == KeyType.RSA ? 3 : 1;
    for (long seed = 1; seed <= (type == KeyType.RSA ? 1 : 2); seed++) {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      TufPrivateKey key = type == KeyType.RSA ? RsaKeys.shared() : TufKeys.generate(type, random);
      byte[] pem = EncryptedKeyFiles.write(key, "root", null, "passphrase".toCharArray(), random);
      PemBlock block = Pem.decodeFirst(pem);
      byte[] der = block.bytes();
      ASN1Sequence info = (ASN1Sequence) KeyMaterial.parse(der);
      int ciphertextLength = ((ASN1OctetString) info.getObjectAt(1)).getOctets().length;
      int headerLength = ciphertextLength < 128 ? 2 : ciphertextLength < 256 ? 3 : 4;
      int refused = 0;
      int tried = 0;
      // Every byte of the ciphertext and of the IV (one bit each). PBES2 has no MAC: the decoder
      // must notice through the structure and the key's own consistency, or the change must be
      // one that leaves the key what it was.
      for (int i = 0; i < ciphertextLength + headerLength + 16; i += step) {
        if (i >= ciphertextLength && i < ciphertextLength + headerLength) {
          continue; // the OCTET STRING header between IV and ciphertext
        }
        byte[] flipped = der.clone();
        flipped[der.length - 1 - i] ^= (byte) (1 << (i % 8));
        byte[] tampered = Pem.encode(block.type(), block.headers(), flipped);
        tried++;
        try {
          assertThat(EncryptedKeyFiles.read(tampered, "passphrase".toCharArray()).key()).as("flip %d", i).isEqualTo(key);
        } catch (WrongPassphraseException expected) {
          refused++;
        }
      }
      assertThat(refused).as("refused of %d", tried).isGreaterThan(tried * 9 / 10);
    }
  }

  @Test
  void brokenFilesAreMalformedNotCrashes() {
    assertThatThrownBy(() -> EncryptedKeyFiles.read("no pem here".getBytes(), null)).isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> EncryptedKeyFiles.read(
        "-----BEGIN PRIVATE KEY-----\nrole: x\n\nAAAA\n".getBytes(), null)).isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> EncryptedKeyFiles.read(
        "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n".getBytes(), null)).isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> EncryptedKeyFiles.read(
        "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n".getBytes(), null)).isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> EncryptedKeyFiles.read(
        "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n".getBytes(), null)).isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> EncryptedKeyFiles.read(new byte[Pem.MAX_PEM_BYTES + 1], null)).isInstanceOf(MalformedKeyException.class);
  }

  @Test
  void absurdIterationCountsAreRefusedBeforeAnyWork() {
    byte[] pem = EncryptedKeyFiles.write(key(KeyType.ECDSA), "root", null, "passphrase".toCharArray(), RANDOM);
    byte[] der = Pem.decodeFirst(pem).bytes();
    // The iteration count 2048 is encoded 02 02 08 00; make it 02 04 7f ff ff ff by rebuilding the DER.
    String hex = java.util.HexFormat.of().formatHex(der);
    assertThat(hex).contains("020208003");
    ASN1Sequence info = (ASN1Sequence) KeyMaterial.parse(der);
    byte[] salt = ((ASN1OctetString) ((ASN1Sequence) ((ASN1Sequence) ((ASN1Sequence) ((ASN1Sequence) info.getObjectAt(0))
        .getObjectAt(1)).getObjectAt(0)).getObjectAt(1)).getObjectAt(0)).getOctets();
    var kdf = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {Pbes2.PBKDF2,
        new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new org.bouncycastle.asn1.DEROctetString(salt), new ASN1Integer(Integer.MAX_VALUE)})});
    ASN1Sequence params = (ASN1Sequence) ((ASN1Sequence) info.getObjectAt(0)).getObjectAt(1);
    var rebuilt = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
        new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {Pbes2.PBES2,
            new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {kdf, params.getObjectAt(1)})}),
        info.getObjectAt(1)});
    byte[] slow = Pem.encode("ENCRYPTED PRIVATE KEY", Map.of("role", "root"), KeyMaterial.der(rebuilt));
    assertThatThrownBy(() -> EncryptedKeyFiles.read(slow, "passphrase".toCharArray()))
        .isInstanceOf(MalformedKeyException.class).hasMessageContaining("iteration");
  }

  @Test
  void headersCannotBeInjected() {
    TufPrivateKey key = key(KeyType.ECDSA);
    assertThatThrownBy(() -> EncryptedKeyFiles.write(key, "targets\ngun: evil", null, "passphrase".toCharArray(), RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EncryptedKeyFiles.writeUnencrypted(key, "root", "a\rb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EncryptedKeyFiles.write(key, "root", null, new char[0], RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headersAreReadWithoutThePassphrase() {
    String id = "3b25236152c3bb1b80797ccd81647a23cb8ebd68ea5a78acfa873d500927bb62";
    assertThat(EncryptedKeyFiles.headers(Vectors.privateKeyFile(id)))
        .containsExactly(Map.entry("gun", Vectors.GUN), Map.entry("role", "targets"));
  }

  @Test
  void signerDatabaseFormRejectsMismatchedHalves() {
    TufPrivateKey a = key(KeyType.ED25519);
    TufPrivateKey b = key(KeyType.ED25519);
    assertThatThrownBy(() -> TufPrivateKey.fromPrivateBytes("ed25519", b.publicKey().publicBytes(), a.privateBytes()))
        .isInstanceOf(MalformedKeyException.class);
    byte[] blob = a.privateBytes();
    blob[70] ^= 1; // the second copy of the public key
    assertThatThrownBy(() -> TufPrivateKey.fromPrivateBytes("ed25519", a.publicKey().publicBytes(), blob))
        .isInstanceOf(MalformedKeyException.class);
    TufPrivateKey e1 = key(KeyType.ECDSA);
    TufPrivateKey e2 = key(KeyType.ECDSA);
    assertThatThrownBy(() -> TufPrivateKey.fromPrivateBytes("ecdsa", e2.publicKey().publicBytes(), e1.privateBytes()))
        .isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> TufPrivateKey.fromPrivateBytes("ecdsa", e1.publicKey().publicBytes(), a.privateBytes()))
        .isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> TufPrivateKey.fromPrivateBytes("rsa", RsaKeys.other().publicKey().publicBytes(),
        RsaKeys.shared().privateBytes())).isInstanceOf(MalformedKeyException.class);
    assertThatThrownBy(() -> TufPrivateKey.fromPrivateBytes("dsa", new byte[1], new byte[1]))
        .isInstanceOf(UnsupportedKeyTypeException.class);
    assertThat(Base64.getEncoder().encodeToString(a.privateBytes())).isNotEmpty();
  }
}
