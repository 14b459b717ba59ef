package io.trustyard.client.notary;

import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.client.trust.TrustPinning;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.codec.Parsed;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.verify.SignatureChecks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Trust pinning for a root that no cached root vouches for (spec/notary.md §7.7): only root keys
 * whose certificate ID is pinned, or whose certificate chains to the pinned CA, count towards the
 * root's threshold. With no pin for the GUN it is trust on first use, unless that is disabled.
 */
final class PinningCheck {
  private PinningCheck() {}

  static void check(String gun, byte[] rootBytes, TrustPinning pinning, Instant now) {
    Optional<List<String>> pinnedIds = pinning.certsFor(gun);
    Optional<Path> ca = pinnedIds.isPresent() ? Optional.empty() : pinning.caFor(gun);
    if (pinnedIds.isEmpty() && ca.isEmpty()) {
      if (pinning.disableTofu()) {
        throw new TrustException(Kind.VERIFICATION, "trust on first use is disabled and no certificate or CA is"
            + " pinned for " + gun + " (trust_pinning in the client config)");
      }
      return;
    }
    Parsed<RootMetadata> root;
    try {
      root = MetadataReader.root(rootBytes, MetadataLimits.MAX_DOWNLOAD_SIZE);
    } catch (TufException e) {
      throw new TrustException(Kind.VERIFICATION, "the root of " + gun + " is not valid: " + e.getMessage(), e);
    }
    List<TufPublicKey> rootKeys = root.signed().roleKeys(RoleNames.ROOT);
    List<TufPublicKey> allowed;
    String why;
    if (pinnedIds.isPresent()) {
      Set<String> ids = new HashSet<>(pinnedIds.get());
      allowed = rootKeys.stream().filter(k -> ids.contains(k.id()) || ids.contains(canonical(k))).toList();
      why = "a certificate pinned for " + gun;
    } else {
      Set<TrustAnchor> anchors = anchors(ca.get());
      allowed = rootKeys.stream().filter(k -> chainsTo(k, anchors, now)).toList();
      why = "a certificate issued by the CA pinned for " + gun + " (" + ca.get() + ")";
    }
    if (allowed.isEmpty()) {
      throw new TrustException(Kind.VERIFICATION, "the root of " + gun + " has no key with " + why
          + "; refusing it");
    }
    try {
      SignatureChecks.requireThreshold(RoleNames.ROOT, root.signedBytes(), root.metadata().signatures(), allowed,
          root.signed().roles().get(RoleNames.ROOT).threshold());
    } catch (TufException e) {
      throw new TrustException(Kind.VERIFICATION, "the root of " + gun + " is not signed by enough keys with "
          + why + ": " + e.getMessage(), e);
    }
  }

  private static String canonical(TufPublicKey key) {
    try {
      return key.canonicalId();
    } catch (RuntimeException e) {
      return key.id();
    }
  }

  private static Set<TrustAnchor> anchors(Path caFile) {
    Set<TrustAnchor> anchors = new HashSet<>();
    try (InputStream in = Files.newInputStream(caFile)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        anchors.add(new TrustAnchor((X509Certificate) c, null));
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new TrustException(Kind.VERIFICATION, "cannot read the pinned CA bundle " + caFile + ": " + e.getMessage(), e);
    }
    if (anchors.isEmpty()) {
      throw new TrustException(Kind.VERIFICATION, "the pinned CA bundle " + caFile + " holds no certificate");
    }
    return anchors;
  }

  private static boolean chainsTo(TufPublicKey key, Set<TrustAnchor> anchors, Instant now) {
    try {
      List<X509Certificate> chain = RootCertificates.parsePemChain(key.publicBytes());
      if (chain.isEmpty()) {
        return false;
      }
      PKIXParameters params = new PKIXParameters(anchors);
      params.setRevocationEnabled(false);
      params.setDate(Date.from(now));
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(chain), params);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
