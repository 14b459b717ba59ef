package io.trustyard.core.tuf.verify;

import io.trustyard.core.tuf.model.FileMeta;

/** Where a target was found by the delegation walk: the role that signs it and its entry. */
public record TargetMatch(String role, String name, FileMeta meta) {}
