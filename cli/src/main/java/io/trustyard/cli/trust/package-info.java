/**
 * {@code trustyard trust}: docker's {@code docker trust} command set (inspect, sign, revoke, key
 * generate/load, signer add/remove) with its arguments, outputs and exit codes, on the client library.
 */
package io.trustyard.cli.trust;
