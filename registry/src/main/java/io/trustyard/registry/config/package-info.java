/** The registry's configuration file (JSON) and what it points to (TLS material). */
package io.trustyard.registry.config;
