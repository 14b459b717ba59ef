/**
 * Verification of Notary metadata (spec/notary.md §2.7, §2.11, §2.13, §7.6): signature thresholds
 * over re-canonicalised {@code signed} bodies, root rotation and root certificates, hashes and
 * lengths against raw bytes, rollback and expiry, and the delegation walk with path prefixes. The
 * building blocks are public for the trust server's update validation; clients use
 * {@link io.trustyard.core.tuf.verify.TrustedSet}.
 */
package io.trustyard.core.tuf.verify;
