/**
 * Cryptography of Notary's TUF dialect (spec/notary.md §2.6, §2.7, §2.11, §7.2): key types and key
 * IDs, signatures, root certificates and Notary's encrypted PKCS#8 key files.
 *
 * <p>Pure: no file or network I/O and no clock; callers pass instants and randomness in. The JDK
 * signs and verifies; Bouncy Castle is used only for ASN.1, certificates and elliptic-curve
 * arithmetic, and never registered as a global provider.
 */
package io.trustyard.core.crypto;
