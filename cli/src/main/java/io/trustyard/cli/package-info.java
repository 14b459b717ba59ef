/** The trustyard command. */
package io.trustyard.cli;
