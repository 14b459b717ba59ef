package io.trustyard.trustserver.http;

/** A request matched to a route, with the path variables notary's router extracts. */
public record RouteMatch(Route route, String gun, String role, String checksum, String version) {
  static RouteMatch of(Route route) {
    return new RouteMatch(route, null, null, null, null);
  }
}
