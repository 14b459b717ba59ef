/** The {@code trustyard serve} commands: each runs one server in the foreground. */
package io.trustyard.cli.serve;
