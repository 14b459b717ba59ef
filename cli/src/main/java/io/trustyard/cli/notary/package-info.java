/**
 * {@code trustyard notary}: the Go {@code notary} CLI's command set (spec/notary.md §7.8) with its
 * arguments, outputs and exit codes, on the client library.
 */
package io.trustyard.cli.notary;
