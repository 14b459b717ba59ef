/**
 * The storage-driver SPI (a small key/value and listing interface, as distribution's) and its
 * implementations. Paths are absolute, slash-separated, and never contain {@code .} or {@code ..}
 * components: every driver rejects such paths, so no name from a request can escape the root.
 */
package io.trustyard.registry.storage;
