package io.trustyard.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.core.crypto.CertificateCheckException.Reason;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

class RootCertificatesTest {
  private static final String GUN = Vectors.GUN;
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  private static final Instant VECTOR_NOT_BEFORE = Instant.parse("2026-11-21T23:45:58Z");
  private static final Instant VECTOR_NOT_AFTER = Instant.parse("2036-11-18T23:45:58Z");

  private static TufPublicKey vectorRootKey() {
    var root = Vectors.metadata("root").get("signed");
    String id = root.get("roles").get("root").get("keyids").get(0).textValue();
    return Vectors.key(root.get("keys").get(id));
  }

  private static void assertReason(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call).isInstanceOfSatisfying(CertificateCheckException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void theGoRootCertificateIsAcceptedForItsGunWithinItsValidity() {
    TufPublicKey key = vectorRootKey();
    X509Certificate leaf = RootCertificates.checkRootCertificate(key, GUN, NOW, true);
    assertThat(RootCertificates.commonName(leaf)).isEqualTo(GUN);
    assertThat(leaf.getNotBefore().toInstant()).isEqualTo(VECTOR_NOT_BEFORE);
    // NotBefore may be up to a day ahead of the verifier's clock, not more.
    RootCertificates.checkRootCertificate(key, GUN, VECTOR_NOT_BEFORE.minus(Duration.ofHours(23)), true);
    assertReason(() -> RootCertificates.checkRootCertificate(
        key, GUN, VECTOR_NOT_BEFORE.minus(Duration.ofHours(25)), true), Reason.NOT_YET_VALID);
    RootCertificates.checkRootCertificate(key, GUN, VECTOR_NOT_AFTER, true);
    assertReason(() -> RootCertificates.checkRootCertificate(
        key, GUN, VECTOR_NOT_AFTER.plusSeconds(1), true), Reason.EXPIRED);
    // Without the expiry check (a previous root's certificates) an expired certificate still passes.
    RootCertificates.checkRootCertificate(key, GUN, VECTOR_NOT_AFTER.plus(Duration.ofDays(400)), false);
  }

  @Test
  void cnMustBeTheGunOrAWildcardPrefixOfIt() {
    TufPublicKey key = vectorRootKey();
    assertReason(() -> RootCertificates.checkRootCertificate(key, "example.com/vectors/other", NOW, true),
        Reason.CN_MISMATCH);
    assertReason(() -> RootCertificates.checkRootCertificate(key, GUN + "/sub", NOW, true), Reason.CN_MISMATCH);
    assertReason(() -> RootCertificates.checkRootCertificate(key, "example.com/vectors/rep", NOW, true),
        Reason.CN_MISMATCH);
    assertThat(RootCertificates.cnMatchesGun("example.com/*", "example.com/a/b")).isTrue();
    assertThat(RootCertificates.cnMatchesGun("example.com/**", "example.com/a")).isTrue();
    assertThat(RootCertificates.cnMatchesGun("example.com/*", "example.org/a")).isFalse();
    assertThat(RootCertificates.cnMatchesGun("example.com/a*b", "example.com/axb")).isFalse();
    assertThat(RootCertificates.cnMatchesGun("Example.com/a", "example.com/a")).isFalse();
  }

  @Test
  void wildcardCertificateIsAccepted() throws Exception {
    KeyPair pair = TestCertificates.keyPair("EC", 256);
    X509Certificate cert = TestCertificates.selfSigned(pair, "example.com/*", NOW.minusSeconds(60),
        NOW.plus(Duration.ofDays(30)), "SHA256withECDSA", false);
    RootCertificates.checkRootCertificate(RootCertificates.toX509Key(cert), "example.com/team/app", NOW, true);
  }

  @Test
  void sha1SignedCertificateIsRefused() throws Exception {
    KeyPair pair = TestCertificates.keyPair("EC", 256);
    X509Certificate cert = TestCertificates.selfSigned(pair, GUN, NOW.minusSeconds(60),
        NOW.plus(Duration.ofDays(30)), "SHA1withECDSA", false);
    assertReason(() -> RootCertificates.checkRootCertificate(RootCertificates.toX509Key(cert), GUN, NOW, false),
        Reason.SHA1_SIGNATURE);
    KeyPair rsa = TestCertificates.keyPair("RSA", 2048);
    X509Certificate rsaCert = TestCertificates.selfSigned(rsa, GUN, NOW.minusSeconds(60),
        NOW.plus(Duration.ofDays(30)), "SHA1withRSA", false);
    assertReason(() -> RootCertificates.checkRootCertificate(RootCertificates.toX509Key(rsaCert), GUN, NOW, true),
        Reason.SHA1_SIGNATURE);
  }

  @Test
  void rsaKeyUnder2048BitsIsRefused() throws Exception {
    KeyPair pair = TestCertificates.keyPair("RSA", 1024);
    X509Certificate cert = TestCertificates.selfSigned(pair, GUN, NOW.minusSeconds(60),
        NOW.plus(Duration.ofDays(30)), "SHA256withRSA", false);
    TufPublicKey key = RootCertificates.toX509Key(cert);
    assertThat(key.type()).contains(KeyType.RSA_X509);
    assertReason(() -> RootCertificates.checkRootCertificate(key, GUN, NOW, true), Reason.RSA_KEY_TOO_SMALL);
  }

  @Test
  void expiredAndNotYetValidCertificatesAreRefused() throws Exception {
    KeyPair pair = TestCertificates.keyPair("EC", 256);
    X509Certificate expired = TestCertificates.selfSigned(pair, GUN, NOW.minus(Duration.ofDays(30)),
        NOW.minusSeconds(1), "SHA256withECDSA", false);
    assertReason(() -> RootCertificates.checkRootCertificate(RootCertificates.toX509Key(expired), GUN, NOW, true),
        Reason.EXPIRED);
    X509Certificate future = TestCertificates.selfSigned(pair, GUN, NOW.plus(Duration.ofDays(2)),
        NOW.plus(Duration.ofDays(30)), "SHA256withECDSA", false);
    assertReason(() -> RootCertificates.checkRootCertificate(RootCertificates.toX509Key(future), GUN, NOW, true),
        Reason.NOT_YET_VALID);
    X509Certificate inverted = TestCertificates.selfSigned(pair, GUN, NOW.plus(Duration.ofDays(2)),
        NOW.minus(Duration.ofDays(2)), "SHA256withECDSA", false);
    assertReason(() -> RootCertificates.checkRootCertificate(RootCertificates.toX509Key(inverted), GUN, NOW, false),
        Reason.INVALID_VALIDITY_WINDOW);
  }

  @Test
  void bundleMustHoldExactlyOneLeafAndItMustComeFirst() throws Exception {
    KeyPair caPair = TestCertificates.keyPair("EC", 256);
    KeyPair leafPair = TestCertificates.keyPair("EC", 256);
    Instant nb = NOW.minusSeconds(60);
    Instant na = NOW.plus(Duration.ofDays(30));
    X509Certificate ca = TestCertificates.selfSigned(caPair, "ca", nb, na, "SHA256withECDSA", true);
    X509Certificate leaf = TestCertificates.issued(leafPair.getPublic(), GUN, caPair.getPrivate(), "ca", nb, na,
        "SHA256withECDSA", false);
    X509Certificate otherLeaf = TestCertificates.selfSigned(leafPair, GUN, nb, na, "SHA256withECDSA", false);

    assertThat(RootCertificates.checkRootCertificate(RootCertificates.toX509Key(List.of(leaf, ca)), GUN, NOW, true))
        .isEqualTo(leaf);
    assertReason(() -> RootCertificates.checkRootCertificate(RootCertificates.toX509Key(ca), "ca", NOW, true),
        Reason.NO_LEAF_CERTIFICATE);
    assertReason(() -> RootCertificates.checkRootCertificate(
        RootCertificates.toX509Key(List.of(leaf, otherLeaf)), GUN, NOW, true), Reason.MULTIPLE_LEAF_CERTIFICATES);
    assertReason(() -> RootCertificates.checkRootCertificate(
        RootCertificates.toX509Key(List.of(ca, leaf)), GUN, NOW, true), Reason.LEAF_NOT_FIRST);
  }

  @Test
  void keysThatAreNotCertificateBundlesAreRefused() throws Exception {
    TufPrivateKey bare = TufKeys.generate(KeyType.ECDSA, new SecureRandom());
    assertReason(() -> RootCertificates.checkRootCertificate(bare.publicKey(), GUN, NOW, true),
        Reason.NOT_A_CERTIFICATE_KEY);
    assertReason(() -> RootCertificates.checkRootCertificate(
        new TufPublicKey("ecdsa-x509", "garbage".getBytes()), GUN, NOW, true), Reason.MALFORMED_CERTIFICATE);
    byte[] mixed = (new String(vectorRootKey().publicBytes()) + "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
        .getBytes();
    assertReason(() -> RootCertificates.checkRootCertificate(new TufPublicKey("ecdsa-x509", mixed), GUN, NOW, true),
        Reason.MALFORMED_CERTIFICATE);
    assertReason(() -> RootCertificates.checkRootCertificate(
        new TufPublicKey("rsa-x509", vectorRootKey().publicBytes()), GUN, NOW, true), Reason.KEY_TYPE_MISMATCH);
  }

  @Test
  void createReproducesTheGoCertificateGivenTheSameKeySerialAndValidity() throws Exception {
    TufPublicKey goKey = vectorRootKey();
    X509Certificate go = RootCertificates.parsePemChain(goKey.publicBytes()).get(0);
    String id = goKey.canonicalId();
    TufPrivateKey key = EncryptedKeyFiles.read(Vectors.privateKeyFile(id), Vectors.PRIVATE_KEYS.get(id)[0].toCharArray()).key();

    X509Certificate ours = RootCertificates.create(key, GUN, VECTOR_NOT_BEFORE.plusNanos(591_295_927),
        VECTOR_NOT_AFTER.plusNanos(1), go.getSerialNumber(), new SecureRandom());

    assertThat(ours.getTBSCertificate()).isEqualTo(go.getTBSCertificate());
    ours.verify(ours.getPublicKey());
    TufPublicKey x509 = RootCertificates.toX509Key(ours);
    assertThat(x509.canonicalId()).isEqualTo(id);
    assertThat(key.withPublicKey(x509).id()).isEqualTo(x509.id()).isNotEqualTo(goKey.id());
  }

  @Test
  void freshCertificatesHaveNotarysShapeAndPassTheChecks() throws Exception {
    SecureRandom random = new SecureRandom();
    for (KeyType type : new KeyType[] {KeyType.ECDSA, KeyType.RSA}) {
      TufPrivateKey key = type == KeyType.RSA ? RsaKeys.shared() : TufKeys.generate(type, random);
      X509Certificate cert = RootCertificates.create(key, GUN, NOW, NOW.plus(Duration.ofDays(3650)), random);
      assertThat(cert.getVersion()).isEqualTo(3);
      assertThat(cert.getSerialNumber().signum()).isPositive();
      assertThat(cert.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
      assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
      assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + GUN);
      assertThat(cert.getSigAlgName()).isEqualTo(type == KeyType.RSA ? "SHA256withRSA" : "SHA256withECDSA");
      assertThat(cert.getCriticalExtensionOIDs())
          .containsExactlyInAnyOrder(Extension.keyUsage.getId(), Extension.basicConstraints.getId());
      assertThat(cert.getNonCriticalExtensionOIDs()).containsExactly(Extension.extendedKeyUsage.getId());
      assertThat(cert.getKeyUsage()).startsWith(true, false, true, false);
      assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.3");
      assertThat(cert.getBasicConstraints()).isEqualTo(-1);
      cert.verify(cert.getPublicKey());

      TufPublicKey x509 = RootCertificates.toX509Key(cert);
      assertThat(x509.type()).contains(type == KeyType.RSA ? KeyType.RSA_X509 : KeyType.ECDSA_X509);
      assertThat(x509.canonicalId()).isEqualTo(key.id());
      RootCertificates.checkRootCertificate(x509, GUN, NOW, true);
      TufPrivateKey signer = key.withPublicKey(x509);
      byte[] message = "root".getBytes();
      assertThat(TufSignatures.verify(x509, signer.signatureMethod(), TufSignatures.sign(signer, message), message))
          .isTrue();
    }
  }

  @Test
  void commonNameIsAPrintableStringWhenItCanBeAsInGo() throws Exception {
    TufPrivateKey key = TufKeys.generate(KeyType.ECDSA, new SecureRandom());
    for (String gun : new String[] {"docker.io/library/alpine", "registry:5000/team_a/app", "example.com/é"}) {
      X509Certificate cert = RootCertificates.create(key, gun, NOW, NOW.plusSeconds(60), new SecureRandom());
      var cn = org.bouncycastle.asn1.x500.X500Name.getInstance(cert.getSubjectX500Principal().getEncoded())
          .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN)[0].getFirst().getValue();
      boolean printable = org.bouncycastle.asn1.DERPrintableString.isPrintableString(gun);
      assertThat(cn).isInstanceOf(printable
          ? org.bouncycastle.asn1.ASN1PrintableString.class : org.bouncycastle.asn1.ASN1UTF8String.class);
      assertThat(RootCertificates.commonName(cert)).isEqualTo(gun);
      RootCertificates.checkRootCertificate(RootCertificates.toX509Key(cert), gun, NOW, true);
    }
  }

  @Test
  void signerDatabaseFormWorksForCertificateKeys() {
    TufPrivateKey key = TufKeys.generate(KeyType.ECDSA, new SecureRandom());
    TufPublicKey x509 = RootCertificates.toX509Key(
        RootCertificates.create(key, GUN, NOW, NOW.plusSeconds(60), new SecureRandom()));
    TufPrivateKey restored = TufPrivateKey.fromPrivateBytes("ecdsa-x509", x509.publicBytes(), key.privateBytes());
    assertThat(restored.publicKey()).isEqualTo(x509);
    assertThat(restored.bare()).isEqualTo(key);
    TufPrivateKey other = TufKeys.generate(KeyType.ECDSA, new SecureRandom());
    assertThatThrownBy(() -> TufPrivateKey.fromPrivateBytes("ecdsa-x509", x509.publicBytes(), other.privateBytes()))
        .isInstanceOf(MalformedKeyException.class);
  }

  @Test
  void ed25519KeysCannotBeRootCertificates() {
    TufPrivateKey key = TufKeys.generate(KeyType.ED25519, new SecureRandom());
    assertThatThrownBy(() -> RootCertificates.create(key, GUN, NOW, NOW.plusSeconds(1), new SecureRandom()))
        .isInstanceOf(UnsupportedKeyTypeException.class);
  }
}
