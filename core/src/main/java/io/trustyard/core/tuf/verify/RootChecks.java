package io.trustyard.core.tuf.verify;

import io.trustyard.core.crypto.CertificateCheckException;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.Parsed;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.RootMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Root acceptance (spec/notary.md §2.11, Notary's {@code trustpinning.ValidateRoot}): root-role
 * keys must be certificates for the GUN; a root must meet its own threshold with the keys whose
 * certificates pass; a rotated root must also meet the previous root's threshold with the
 * previous root-role keys.
 */
public final class RootChecks {
  private RootChecks() {}

  /**
   * Verifies a root on its own (first use, cache, or the last step of a rotation): structure,
   * certificates at {@code now} (expiry included), and its own threshold. Certificates that fail
   * are left out, as Go does; if what remains cannot meet the threshold, the certificate's failure
   * is what is reported.
   *
   * @return the IDs of the root keys that validly signed
   */
  public static Set<String> verifyRoot(String gun, Parsed<RootMetadata> root, Instant now) {
    StructureChecks.check(RoleNames.ROOT, root.signed());
    List<TufException> certificateFailures = new ArrayList<>();
    List<TufPublicKey> usable = certifiedRootKeys(gun, root.signed(), now, true, certificateFailures);
    int threshold = root.signed().roles().get(RoleNames.ROOT).threshold();
    try {
      return SignatureChecks.requireThreshold(RoleNames.ROOT, root.signedBytes(),
          root.metadata().signatures(), usable, threshold);
    } catch (TufException e) {
      if (!certificateFailures.isEmpty()) {
        TufException first = certificateFailures.get(0);
        throw new TufException(first.error(), RoleNames.ROOT,
            first.detail() + " (" + e.detail() + ")", first.getCause());
      }
      throw e;
    }
  }

  /**
   * Verifies {@code next} as the successor of the trusted root {@code trusted}: signed by the
   * previous root's threshold of previous root-role keys (their certificates are checked for the
   * GUN but not for expiry), then {@link #verifyRoot}.
   *
   * @throws TufException {@link TufError#ROOT_ROTATION_FAILED} when the previous keys do not sign
   */
  public static Set<String> verifyRotation(String gun, RootMetadata trusted, Parsed<RootMetadata> next,
      Instant now) {
    StructureChecks.check(RoleNames.ROOT, next.signed());
    List<TufPublicKey> previousKeys = certifiedRootKeys(gun, trusted, now, false, new ArrayList<>());
    int previousThreshold = trusted.roles().get(RoleNames.ROOT).threshold();
    Set<String> previousSigners = SignatureChecks.validSigners(next.signedBytes(),
        next.metadata().signatures(), previousKeys);
    if (previousSigners.size() < previousThreshold) {
      throw new TufException(TufError.ROOT_ROTATION_FAILED, RoleNames.ROOT,
          "version " + next.signed().version() + " carries " + previousSigners.size()
              + " valid signature(s) from the keys of trusted root version " + trusted.version()
              + ", which requires " + previousThreshold);
    }
    return verifyRoot(gun, next, now);
  }

  private static List<TufPublicKey> certifiedRootKeys(String gun, RootMetadata root, Instant now,
      boolean checkExpiry, List<TufException> failures) {
    List<TufPublicKey> usable = new ArrayList<>();
    for (TufPublicKey key : root.roleKeys(RoleNames.ROOT)) {
      try {
        RootCertificates.checkRootCertificate(key, gun, now, checkExpiry);
        usable.add(key);
      } catch (CertificateCheckException e) {
        failures.add(certificateFailure(key, e));
      } catch (RuntimeException e) {
        failures.add(new TufException(TufError.CERT_INVALID, RoleNames.ROOT,
            "root key " + key.id() + " is not a usable certificate: " + e.getMessage(), e));
      }
    }
    return usable;
  }

  static TufException certificateFailure(TufPublicKey key, CertificateCheckException e) {
    TufError error = switch (e.reason()) {
      case NOT_A_CERTIFICATE_KEY -> TufError.ROOT_KEY_NOT_X509;
      case CN_MISMATCH -> TufError.CERT_CN_MISMATCH;
      case EXPIRED -> TufError.CERT_EXPIRED;
      case NOT_YET_VALID -> TufError.CERT_NOT_YET_VALID;
      default -> TufError.CERT_INVALID;
    };
    return new TufException(error, RoleNames.ROOT, "root key " + key.id() + ": " + e.getMessage(), e);
  }
}
