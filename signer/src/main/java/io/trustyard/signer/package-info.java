/**
 * The signer: server-managed keys, encrypted at rest, used for signing in-process or over
 * notary-signer's gRPC protocol with mutual TLS. {@link io.trustyard.signer.KeyService} is what
 * a trust server depends on.
 */
package io.trustyard.signer;
