package io.trustyard.client.image;

import io.trustyard.core.digest.Digest;

/** A tag as content trust knows it: the manifest's digest and length (a TUF target). */
public record TrustedTarget(String tag, Digest digest, long length) {}
