/** {@code trustyard sandbox}: the whole system on one machine, in one process or one per service. */
package io.trustyard.cli.sandbox;
