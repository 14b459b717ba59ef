/** Content trust for the image commands: docker's flag, environment and error output. */
package io.trustyard.cli.trust;
