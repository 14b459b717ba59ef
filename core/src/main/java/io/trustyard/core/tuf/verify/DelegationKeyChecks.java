package io.trustyard.core.tuf.verify;

import io.trustyard.core.crypto.CertificateCheckException;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Delegation keys may be certificates; Notary then refuses the delegation when the certificate is
 * SHA-1 signed, has a small RSA key or an inverted validity window, but never for expiry: the
 * role's own {@code expires} governs (Go's {@code GetDelegationRole}).
 */
public final class DelegationKeyChecks {
  private DelegationKeyChecks() {}

  /** @throws TufException {@link TufError#CERT_INVALID} naming the delegation */
  public static void requireUsable(String delegation, TufPublicKey key) {
    if (key.type().isEmpty() || !key.type().get().isX509()) {
      return;
    }
    try {
      List<X509Certificate> chain = RootCertificates.parsePemChain(key.publicBytes());
      // Expiry is not checked, so the time given is irrelevant.
      RootCertificates.checkCertificate(chain.get(0), Instant.EPOCH, false);
    } catch (CertificateCheckException e) {
      throw new TufException(TufError.CERT_INVALID, delegation,
          "delegation key " + key.id() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Go skips an unreadable certificate here; such a key can never verify a signature anyway.
    }
  }
}
