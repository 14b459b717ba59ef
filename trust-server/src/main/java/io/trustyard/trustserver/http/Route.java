package io.trustyard.trustserver.http;

import java.util.List;

/**
 * notary-server's routes, in its matching order, with the Prometheus operation name and the
 * token actions each one requires on {@code repository:<gun>} (routes without a GUN need
 * {@code registry:catalog:*}).
 */
public enum Route {
  MAIN("Main", List.of(), false),
  UPDATE("UpdateTUF", List.of("push", "pull"), true),
  GET_BY_HASH("GetRoleByHash", List.of("pull"), true),
  GET_BY_VERSION("GetRoleByVersion", List.of("pull"), true),
  GET_CURRENT("GetRole", List.of("pull"), true),
  GET_KEY("GetKey", List.of("push", "pull"), true),
  ROTATE_KEY("RotateKey", List.of("*"), true),
  DELETE("DeleteTUF", List.of("*"), true),
  CHANGEFEED_GUN("Changefeed", List.of("pull"), true),
  CHANGEFEED_ALL("Changefeed", List.of(), false),
  HEALTH("Health", List.of(), false),
  METRICS("Metrics", List.of(), false),
  /** notary's catch-all: authenticated like a catalog request, then 404 METADATA_NOT_FOUND. */
  NOT_FOUND("NotFound", List.of(), false),
  /** A method notary's router has no route for at all: Go's plain 404. */
  NO_ROUTE("NoRoute", List.of(), false);

  private final String operation;
  private final List<String> actions;
  private final boolean hasGun;

  Route(String operation, List<String> actions, boolean hasGun) {
    this.operation = operation;
    this.actions = actions;
    this.hasGun = hasGun;
  }

  public String operation() {
    return operation;
  }

  public List<String> actions() {
    return actions;
  }

  public boolean hasGun() {
    return hasGun;
  }

  /** Whether the route goes through token authentication (health, metrics and unrouted methods do not). */
  public boolean authenticated() {
    return this != HEALTH && this != METRICS && this != NO_ROUTE;
  }
}
