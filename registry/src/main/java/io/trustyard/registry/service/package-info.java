/**
 * The registry's services: blobs, uploads, manifests, tags, referrers and the catalog, over a
 * {@link io.trustyard.registry.storage.StorageDriver} in distribution's layout. Nothing here knows
 * about HTTP; failures are {@link io.trustyard.registry.service.RegistryException}s carrying the
 * distribution error code.
 */
package io.trustyard.registry.service;
