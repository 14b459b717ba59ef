package io.trustyard.client.store;

import io.trustyard.core.oci.Descriptor;

/**
 * An image in the local store: its name ({@code registry/repository:tag} or
 * {@code registry/repository@digest}) and the descriptor of its manifest or index.
 */
public record StoredImage(String name, Descriptor manifest) {}
