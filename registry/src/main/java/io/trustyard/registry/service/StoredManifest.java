package io.trustyard.registry.service;

import io.trustyard.core.digest.Digest;

/** A manifest exactly as pushed: its bytes, their digest, and the media type it was pushed as. */
public record StoredManifest(Digest digest, String mediaType, byte[] content) {}
