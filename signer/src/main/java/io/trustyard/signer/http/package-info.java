/** The signer's HTTP side listener for health and Prometheus metrics (the only Helidon code in the signer). */
package io.trustyard.signer.http;
