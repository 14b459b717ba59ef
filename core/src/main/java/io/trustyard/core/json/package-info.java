/**
 * JSON as Notary writes it: the canonical encoding that is signed (docker/go {@code MarshalCanonical}),
 * the Go escaping applied when canonical bytes are embedded in a metadata file, Go's RFC 3339 time
 * format, and bounded parsing of untrusted documents.
 */
package io.trustyard.core.json;
