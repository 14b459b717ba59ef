package io.trustyard.client.image;

import io.trustyard.core.oci.Reference;
import java.util.Optional;

/**
 * Where content trust plugs into push and pull. On pull, a tag is resolved to the signed
 * {digest, length} before anything is fetched, and the manifest must match it. On push, the
 * pushed manifest's {tag, digest, length} is handed over to be signed.
 */
public interface TrustPolicy {

  /**
   * The signed target a tag must resolve to; empty when trust is off (the registry's answer is
   * used). Throws with the reason when trust is on and the tag cannot be resolved (no trust data,
   * expired metadata, ...).
   */
  Optional<TrustedTarget> resolve(Reference reference);

  /** Called once the manifest is in the registry under its tag. */
  void pushed(Reference reference, TrustedTarget target);

  /** No content trust: tags are taken as the registry gives them, pushes are not signed. */
  TrustPolicy NONE = new TrustPolicy() {
    @Override
    public Optional<TrustedTarget> resolve(Reference reference) {
      return Optional.empty();
    }

    @Override
    public void pushed(Reference reference, TrustedTarget target) {}
  };
}
