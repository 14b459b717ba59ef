/** Core: digests, Notary canonical JSON, TUF and OCI models, crypto, verification. */
package io.trustyard.core;
