package io.trustyard.registry.storage;

import java.time.Instant;

/**
 * What a driver knows about a stored path.
 *
 * @param version an opaque identity of this exact stored version: changes whenever the content
 *     may have changed (file key and ctime on a filesystem, the ETag on S3); used to notice tampering
 */
public record FileInfo(String path, long size, Instant modTime, boolean directory, String version) {}
