/** The trust server: Notary-compatible TUF metadata service. */
package io.trustyard.trustserver;
