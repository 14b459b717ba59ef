/** The signer: server-managed keys, encrypted at rest, signing over gRPC with mutual TLS. */
package io.trustyard.signer;
