/**
 * The distribution HTTP API on Helidon SE. The only package that touches the web framework:
 * handlers parse and validate the request, call a service, and write the answer.
 */
package io.trustyard.registry.http;
