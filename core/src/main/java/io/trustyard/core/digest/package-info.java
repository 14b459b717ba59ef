/**
 * Content digests ({@code algorithm:encoded}) as the OCI image spec defines them, and incremental
 * digesters. Only the registered algorithms sha256 and sha512 are accepted: a digest we cannot
 * compute is a digest we cannot verify.
 */
package io.trustyard.core.digest;
