/**
 * Notary's TUF: the model ({@code .model}), the byte-exact codec ({@code .codec}), verification
 * of a metadata chain ({@code .verify}) and the repository editor ({@code .edit}). Every failure
 * is a {@link io.trustyard.core.tuf.TufException} carrying a {@link io.trustyard.core.tuf.TufError}.
 */
package io.trustyard.core.tuf;
