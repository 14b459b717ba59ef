/**
 * Producing metadata: a new repository, and the next version of each role after target,
 * delegation and key changes (spec/notary.md §2.10, §7.4, §7.5). Signing goes through
 * {@link io.trustyard.core.tuf.edit.TufSigner}, which the client backs with local key files and
 * the trust server with the signer service. Every result is verified before it is returned.
 */
package io.trustyard.core.tuf.edit;
