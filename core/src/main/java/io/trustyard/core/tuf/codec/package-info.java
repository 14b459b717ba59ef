/**
 * Reading and writing metadata files byte-identically to Notary (spec/notary.md §2.9), with a
 * size bound on every read.
 */
package io.trustyard.core.tuf.codec;
