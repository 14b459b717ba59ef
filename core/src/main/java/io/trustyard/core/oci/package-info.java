/**
 * The OCI / Docker distribution model shared by the registry and the client: image references,
 * repository-name and tag grammar, media types, manifests and indexes (parsed from bounded input,
 * never re-serialised), and the distribution error codes.
 */
package io.trustyard.core.oci;
