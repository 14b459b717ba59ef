package io.trustyard.core.crypto;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Certificates from PEM the way Notary reads them (tuf/utils/x509.go). */
final class X509Pem {
  private X509Pem() {}

  /** Go's {@code pem.Decode} + {@code x509.ParseCertificate}: the first block, whatever its type. */
  static X509Certificate firstCertificate(byte[] pem) {
    return parseDer(Pem.decodeFirst(pem).bytes());
  }

  /** Go's {@code LoadCertBundleFromPEM}: every block must be a CERTIFICATE, at least one. */
  static List<X509Certificate> bundle(byte[] pem) {
    List<X509Certificate> certs = new ArrayList<>();
    for (PemBlock block : Pem.decodeAll(pem)) {
      if (!block.type().equals("CERTIFICATE")) {
        throw new MalformedKeyException("invalid PEM block type in certificate bundle: " + block.type());
      }
      certs.add(parseDer(block.bytes()));
    }
    if (certs.isEmpty()) {
      throw new MalformedKeyException("no certificates found in PEM");
    }
    return certs;
  }

  static X509Certificate parseDer(byte[] der) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | ClassCastException e) {
      throw new MalformedKeyException("not a valid X.509 certificate: " + e.getMessage(), e);
    }
  }
}
