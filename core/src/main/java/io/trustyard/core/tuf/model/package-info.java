/**
 * Immutable records for Notary's TUF metadata (spec/notary.md §2.1-2.5). Fields Notary does not
 * know are kept in {@link io.trustyard.core.tuf.model.UnknownFields} at every level inside
 * {@code signed}, so re-serialising a parsed file never drops signed data.
 */
package io.trustyard.core.tuf.model;
