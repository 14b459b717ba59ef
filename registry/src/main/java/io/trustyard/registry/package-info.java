/** The registry: OCI Distribution v1.1, distribution-compatible storage. */
package io.trustyard.registry;
