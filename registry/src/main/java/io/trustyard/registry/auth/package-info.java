/**
 * Who may do what: no authentication, htpasswd basic auth, or Docker token auth (JWT bearer tokens
 * with scoped access), and the challenges that tell clients how to authenticate.
 */
package io.trustyard.registry.auth;
