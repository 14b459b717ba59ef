package io.trustyard.trustserver.auth;

import com.fasterxml.jackson.databind.JsonNode;

/** A refused request: the {@code WWW-Authenticate} challenge and the UNAUTHORIZED error detail. */
public record Denial(String challenge, JsonNode detail) {}
