package io.trustyard.core.crypto;

import io.trustyard.core.crypto.CertificateCheckException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Notary root certificates (spec/notary.md §2.11, tuf/utils/x509.go, trustpinning/certs.go). */
public final class RootCertificates {
  /** NotBefore may lie this far in the future (clock skew between signer and verifier). */
  public static final Duration NOT_BEFORE_LEEWAY = Duration.ofDays(1);

  private static final Set<String> SHA1_SIGNATURE_OIDS = Set.of(
      "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
      "1.3.14.3.2.29", // sha1WithRSA (OIW), which Go also maps to SHA1WithRSA
      "1.2.840.10040.4.3", // dsa-with-sha1
      "1.2.840.10045.4.1"); // ecdsa-with-SHA1

  private RootCertificates() {}

  /**
   * A certificate as Notary makes for a root key: X.509 v3, self-signed, subject = issuer = CN=gun,
   * random 128-bit serial, KeyUsage (critical) digitalSignature+keyEncipherment, ExtKeyUsage
   * codeSigning, BasicConstraints (critical) CA:FALSE, signed ecdsa-with-SHA256 (sha256WithRSA for RSA).
   * Times are truncated to seconds as X.509 stores them.
   */
  public static X509Certificate create(
      TufPrivateKey key, String gun, Instant notBefore, Instant notAfter, SecureRandom random) {
    BigInteger serial;
    do {
      serial = new BigInteger(128, random);
    } while (serial.signum() == 0);
    return create(key, gun, notBefore, notAfter, serial, random);
  }

  /** {@link #create} with a given serial number (tests reproduce Go's certificates with it). */
  static X509Certificate create(
      TufPrivateKey key, String gun, Instant notBefore, Instant notAfter, BigInteger serial, SecureRandom random) {
    KeyType bare = key.type().bareType();
    String algorithm = switch (bare) {
      case ECDSA -> "SHA256withECDSA";
      case RSA -> "SHA256withRSA";
      default -> throw new UnsupportedKeyTypeException("Notary root certificates hold ecdsa or rsa keys, not " + bare.wireName());
    };
    X500Name name = commonName(gun);
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(KeyMaterial.publicBytesOf(bare, key.jcaKey()));
    X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
        name, serial,
        new Time(Date.from(notBefore.truncatedTo(ChronoUnit.SECONDS))),
        new Time(Date.from(notAfter.truncatedTo(ChronoUnit.SECONDS))),
        name, spki);
    try {
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      ContentSigner signer = new JcaContentSignerBuilder(algorithm).setSecureRandom(random).build(key.jcaKey());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (CertIOException | OperatorCreationException | CertificateException e) {
      throw new TufCryptoException("cannot create root certificate: " + e.getMessage(), e);
    }
  }

  /** Go's pkix.Name: a lone CN, PrintableString when possible, else UTF8String. */
  private static X500Name commonName(String gun) {
    ASN1Encodable value = DERPrintableString.isPrintableString(gun) ? new DERPrintableString(gun) : new DERUTF8String(gun);
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, value).build();
  }

  /** The {@code ecdsa-x509}/{@code rsa-x509} TUF key of a certificate: its PEM text as Go writes it. */
  public static TufPublicKey toX509Key(X509Certificate cert) {
    return toX509Key(List.of(cert));
  }

  /** A certificate bundle (leaf first, then intermediates) as one x509 TUF key, typed by the leaf. */
  public static TufPublicKey toX509Key(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("empty certificate chain");
    }
    KeyType type = switch (chain.get(0).getPublicKey().getAlgorithm()) {
      case "EC" -> KeyType.ECDSA_X509;
      case "RSA" -> KeyType.RSA_X509;
      default -> throw new UnsupportedKeyTypeException(
          "certificate key " + chain.get(0).getPublicKey().getAlgorithm() + " is neither ecdsa nor rsa");
    };
    return new TufPublicKey(type, toPem(chain));
  }

  /** PEM text of certificates, one CERTIFICATE block each, as Go's {@code pem.Encode}. */
  public static byte[] toPem(List<X509Certificate> chain) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (X509Certificate cert : chain) {
      try {
        out.writeBytes(Pem.encode("CERTIFICATE", Map.of(), cert.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new MalformedKeyException("cannot encode certificate", e);
      }
    }
    return out.toByteArray();
  }

  /** Every certificate of a PEM bundle; each block must be a CERTIFICATE (Go's LoadCertBundleFromPEM). */
  public static List<X509Certificate> parsePemChain(byte[] pem) {
    return X509Pem.bundle(pem);
  }

  /** The subject's common name (first CN attribute), or "" when there is none. */
  public static String commonName(X509Certificate cert) {
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    var rdns = subject.getRDNs(BCStyle.CN);
    return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  /** Go's MatchCNToGun: equal, or CN ends with '*' and the GUN starts with CN minus its trailing '*'s. */
  public static boolean cnMatchesGun(String commonName, String gun) {
    if (commonName.endsWith("*")) {
      int end = commonName.length();
      while (end > 0 && commonName.charAt(end - 1) == '*') {
        end--;
      }
      return gun.startsWith(commonName.substring(0, end));
    }
    return commonName.equals(gun);
  }

  /**
   * The checks of §2.11 for a root-role key: a bundle of certificates with exactly one leaf, first;
   * key type matching the leaf; leaf CN = GUN (or wildcard prefix); not SHA-1 signed; RSA at least
   * 2048 bits; and when {@code checkExpiry}, valid at {@code now} with NotBefore up to one day ahead.
   *
   * @return the leaf certificate
   * @throws CertificateCheckException naming the first failed check
   */
  public static X509Certificate checkRootCertificate(TufPublicKey key, String gun, Instant now, boolean checkExpiry) {
    KeyType type = key.type().orElse(null);
    if (type == null || !type.isX509()) {
      throw new CertificateCheckException(Reason.NOT_A_CERTIFICATE_KEY,
          "root key " + key.id() + " has type " + key.keyType() + ", not a certificate type");
    }
    List<X509Certificate> certs;
    try {
      certs = X509Pem.bundle(key.publicBytes());
    } catch (MalformedKeyException e) {
      throw new CertificateCheckException(Reason.MALFORMED_CERTIFICATE,
          "root key " + key.id() + " is not a PEM certificate bundle: " + e.getMessage());
    }
    List<X509Certificate> leaves = certs.stream().filter(c -> c.getBasicConstraints() < 0).toList();
    if (leaves.isEmpty()) {
      throw new CertificateCheckException(Reason.NO_LEAF_CERTIFICATE,
          "root key " + key.id() + " holds only CA certificates, no leaf certificate");
    }
    if (leaves.size() > 1) {
      throw new CertificateCheckException(Reason.MULTIPLE_LEAF_CERTIFICATES,
          "root key " + key.id() + " holds " + leaves.size() + " leaf certificates");
    }
    X509Certificate leaf = leaves.get(0);
    if (leaf != certs.get(0)) {
      throw new CertificateCheckException(Reason.LEAF_NOT_FIRST,
          "root key " + key.id() + ": the leaf certificate must come first in the bundle");
    }
    String expectedAlgorithm = type == KeyType.ECDSA_X509 ? "EC" : "RSA";
    if (!leaf.getPublicKey().getAlgorithm().equals(expectedAlgorithm)) {
      throw new CertificateCheckException(Reason.KEY_TYPE_MISMATCH,
          "root key " + key.id() + " is " + type.wireName() + " but its certificate holds a "
              + leaf.getPublicKey().getAlgorithm() + " key");
    }
    String cn = commonName(leaf);
    if (!cnMatchesGun(cn, gun)) {
      throw new CertificateCheckException(Reason.CN_MISMATCH,
          "certificate CN \"" + cn + "\" does not match the repository \"" + gun + "\"");
    }
    checkCertificate(leaf, now, checkExpiry);
    return leaf;
  }

  /** Go's utils.ValidateCertificate (applied to leaves and to certificate delegation keys). */
  public static void checkCertificate(X509Certificate cert, Instant now, boolean checkExpiry) {
    String cn = commonName(cert);
    Instant notBefore = cert.getNotBefore().toInstant();
    Instant notAfter = cert.getNotAfter().toInstant();
    if (notBefore.isAfter(notAfter)) {
      throw new CertificateCheckException(Reason.INVALID_VALIDITY_WINDOW,
          "certificate with CN " + cn + " has NotBefore after NotAfter");
    }
    if (SHA1_SIGNATURE_OIDS.contains(cert.getSigAlgOID())) {
      throw new CertificateCheckException(Reason.SHA1_SIGNATURE,
          "certificate with CN " + cn + " uses an invalid SHA-1 signature algorithm");
    }
    if (cert.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < TufKeys.MIN_RSA_BITS) {
      throw new CertificateCheckException(Reason.RSA_KEY_TOO_SMALL,
          "certificate with CN " + cn + " has a " + rsa.getModulus().bitLength()
              + "-bit RSA key; at least " + TufKeys.MIN_RSA_BITS + " bits are required");
    }
    if (checkExpiry) {
      if (notBefore.isAfter(now.plus(NOT_BEFORE_LEEWAY))) {
        throw new CertificateCheckException(Reason.NOT_YET_VALID,
            "certificate with CN " + cn + " is not valid before " + notBefore);
      }
      if (now.isAfter(notAfter)) {
        throw new CertificateCheckException(Reason.EXPIRED,
            "certificate with CN " + cn + " expired at " + notAfter);
      }
    }
  }

}
