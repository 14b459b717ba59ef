package io.trustyard.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which method fits which key, and the RSA rules of tuf/signed/verifiers.go. */
class SignatureRulesTest {
  private static final byte[] MESSAGE = "{\"signed\":\"bytes\"}".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private static byte[] jdkSign(String algorithm, PSSParameterSpec pss, PrivateKey key) throws Exception {
    Signature s = Signature.getInstance(algorithm);
    if (pss != null) {
      s.setParameter(pss);
    }
    s.initSign(key);
    s.update(MESSAGE);
    return s.sign();
  }

  private static PSSParameterSpec pss(int saltLength) {
    return new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, saltLength, 1);
  }

  @Test
  void rsaVerifiesRsapssPkcs1AndPycryptoButNothingElse() throws Exception {
    TufPrivateKey key = RsaKeys.shared();
    TufPublicKey pub = key.publicKey();
    byte[] pssSig = TufSignatures.sign(key, MESSAGE);
    byte[] pkcs1Sig = jdkSign("SHA256withRSA", null, key.jcaKey());

    assertThat(key.signatureMethod()).isEqualTo("rsapss");
    assertThat(TufSignatures.verify(pub, "rsapss", pssSig, MESSAGE)).isTrue();
    assertThat(TufSignatures.verify(pub, "rsapkcs1v15", pkcs1Sig, MESSAGE)).isTrue();
    assertThat(TufSignatures.verify(pub, "rsapss", pkcs1Sig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(pub, "rsapkcs1v15", pssSig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(pub, "ecdsa", pssSig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(pub, "eddsa", pssSig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(RsaKeys.other().publicKey(), "rsapss", pssSig, MESSAGE)).isFalse();

    // pycrypto keys carry a PEM-wrapped SPKI under keytype "rsa"; the DER form does not fit that method.
    TufPublicKey pemWrapped = new TufPublicKey("rsa",
        Pem.encode("PUBLIC KEY", Map.of(), pub.publicBytes()));
    assertThat(TufSignatures.verify(pemWrapped, "pycrypto-pkcs#1 pss", pssSig, MESSAGE)).isTrue();
    assertThat(TufSignatures.verify(pemWrapped, "PyCrypto-PKCS#1 PSS", pssSig, MESSAGE)).isTrue();
    assertThat(TufSignatures.verify(pub, "pycrypto-pkcs#1 pss", pssSig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(pemWrapped, "rsapss", pssSig, MESSAGE)).isFalse();
  }

  @Test
  void pssSaltMustBe32Bytes() throws Exception {
    TufPrivateKey key = RsaKeys.shared();
    assertThat(TufSignatures.verify(key.publicKey(), "rsapss", jdkSign("RSASSA-PSS", pss(32), key.jcaKey()), MESSAGE)).isTrue();
    for (int salt : new int[] {0, 20, 31, 33, 64}) {
      assertThat(TufSignatures.verify(key.publicKey(), "rsapss", jdkSign("RSASSA-PSS", pss(salt), key.jcaKey()), MESSAGE))
          .as("salt %d", salt).isFalse();
    }
  }

  @Test
  void rsaKeysUnder2048BitsNeverVerify() throws Exception {
    KeyPair small = TestCertificates.keyPair("RSA", 1024);
    TufPublicKey pub = TufKeys.fromJca(KeyType.RSA, small.getPublic());
    assertThat(TufSignatures.verify(pub, "rsapss", jdkSign("RSASSA-PSS", pss(32), small.getPrivate()), MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(pub, "rsapkcs1v15", jdkSign("SHA256withRSA", null, small.getPrivate()), MESSAGE)).isFalse();
    assertThatThrownBy(() -> TufKeys.generateRsa(1024, RANDOM)).isInstanceOf(UnsupportedKeyTypeException.class);
  }

  @Test
  void rsaX509KeysVerifyWithTheCertificatesKey() {
    TufPrivateKey key = RsaKeys.shared();
    Instant now = Instant.parse("2026-11-22T00:00:00Z");
    TufPublicKey x509 = RootCertificates.toX509Key(RootCertificates.create(key, "g", now, now.plus(Duration.ofDays(1)), RANDOM));
    TufPrivateKey signer = key.withPublicKey(x509);
    byte[] sig = TufSignatures.sign(signer, MESSAGE);
    assertThat(TufSignatures.verify(x509, "rsapss", sig, MESSAGE)).isTrue();
    assertThat(TufSignatures.verify(x509, "rsapkcs1v15", sig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(x509, "pycrypto-pkcs#1 pss", sig, MESSAGE)).isFalse();
  }

  @Test
  void ed25519SignaturesAreExactly64BytesOfPureEd25519() {
    TufPrivateKey key = TufKeys.generate(KeyType.ED25519, RANDOM);
    byte[] sig = TufSignatures.sign(key, MESSAGE);
    assertThat(sig).hasSize(64);
    assertThat(TufSignatures.verify(key.publicKey(), "eddsa", sig, MESSAGE)).isTrue();
    assertThat(TufSignatures.verify(key.publicKey(), "eddsa", Arrays.copyOf(sig, 65), MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(key.publicKey(), "eddsa", Arrays.copyOf(sig, 63), MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(key.publicKey(), "ecdsa", sig, MESSAGE)).isFalse();
    TufPublicKey wrongLength = new TufPublicKey("ed25519", Arrays.copyOf(key.publicKey().publicBytes(), 33));
    assertThat(TufSignatures.verify(wrongLength, "eddsa", sig, MESSAGE)).isFalse();
  }

  @Test
  void ecdsaSignaturesAreRawRAndSOverSha256() throws Exception {
    TufPrivateKey key = TufKeys.generate(KeyType.ECDSA, RANDOM);
    byte[] sig = TufSignatures.sign(key, MESSAGE);
    assertThat(sig).hasSize(64);
    // The JDK's DER signature over the same bytes is the same (r, s).
    Signature der = Signature.getInstance("SHA256withECDSA");
    der.initVerify(TufKeys.toJca(key.publicKey()));
    der.update(MESSAGE);
    var v = new org.bouncycastle.asn1.ASN1EncodableVector();
    v.add(new org.bouncycastle.asn1.ASN1Integer(new java.math.BigInteger(1, Arrays.copyOf(sig, 32))));
    v.add(new org.bouncycastle.asn1.ASN1Integer(new java.math.BigInteger(1, Arrays.copyOfRange(sig, 32, 64))));
    assertThat(der.verify(KeyMaterial.der(new org.bouncycastle.asn1.DERSequence(v)))).isTrue();
    // All zeros is never valid.
    assertThat(TufSignatures.verify(key.publicKey(), "ecdsa", new byte[64], MESSAGE)).isFalse();
  }

  @Test
  void unknownKeyTypesAndGarbageNeverVerifyAndNeverThrow() {
    TufPrivateKey key = TufKeys.generate(KeyType.ECDSA, RANDOM);
    byte[] sig = TufSignatures.sign(key, MESSAGE);
    TufPublicKey unknown = new TufPublicKey("ecdsa-sha2-nistp256", key.publicKey().publicBytes());
    assertThat(TufSignatures.verify(unknown, "ecdsa", sig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(new TufPublicKey("ecdsa", new byte[] {1, 2}), "ecdsa", sig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(new TufPublicKey("ecdsa-x509", new byte[] {1, 2}), "ecdsa", sig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(new TufPublicKey("rsa", new byte[0]), "rsapss", sig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(new TufPublicKey("rsa", new byte[0]), "pycrypto-pkcs#1 pss", sig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(key.publicKey(), null, sig, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(key.publicKey(), "ecdsa", null, MESSAGE)).isFalse();
    assertThat(TufSignatures.verify(null, "ecdsa", sig, MESSAGE)).isFalse();
    // A bare ecdsa key's SPKI presented as an RSA key.
    assertThat(TufSignatures.verify(new TufPublicKey("rsa", key.publicKey().publicBytes()), "rsapss", sig, MESSAGE)).isFalse();
    assertThatThrownBy(() -> TufKeys.toJca(unknown)).isInstanceOf(UnsupportedKeyTypeException.class);
  }

  @Test
  void keysConvertToAndFromTheJdk() {
    for (KeyType type : new KeyType[] {KeyType.ECDSA, KeyType.ED25519, KeyType.RSA}) {
      TufPrivateKey key = type == KeyType.RSA ? RsaKeys.shared() : TufKeys.generate(type, RANDOM);
      assertThat(TufKeys.fromJca(type, TufKeys.toJca(key.publicKey()))).isEqualTo(key.publicKey());
    }
    TufPrivateKey ec = TufKeys.generate(KeyType.ECDSA, RANDOM);
    assertThatThrownBy(() -> TufKeys.fromJca(KeyType.RSA, TufKeys.toJca(ec.publicKey())))
        .isInstanceOf(TufCryptoException.class);
    assertThatThrownBy(() -> TufKeys.fromJca(KeyType.ED25519, TufKeys.toJca(ec.publicKey())))
        .isInstanceOf(UnsupportedKeyTypeException.class);
    assertThatThrownBy(() -> TufKeys.generate(KeyType.ECDSA_X509, RANDOM)).isInstanceOf(UnsupportedKeyTypeException.class);
    assertThat(ec.publicKey().type()).contains(KeyType.ECDSA);
    assertThat(TufKeys.toJca(ec.publicKey()).getEncoded()).isEqualTo(ec.publicKey().publicBytes());
    String secret = ((java.security.interfaces.ECPrivateKey) ec.jcaKey()).getS().toString(16);
    assertThat(ec.toString()).contains(ec.id()).doesNotContain(secret.substring(0, 16));
  }
}
