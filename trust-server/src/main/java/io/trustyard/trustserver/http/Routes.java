package io.trustyard.trustserver.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * notary-server's route table: the same patterns, tried in the same order, on the decoded path.
 * GUNs are any characters but {@code *} (slashes included); role names are the base roles and
 * {@code targets/...} delegations.
 */
public final class Routes {
  private static final String GUN = "(?<gun>[^*]+)";
  private static final String ROLE = "(?<role>root|targets(?:/[^/\\s]+)*|snapshot|timestamp)";
  private static final String TUF = "^/v2/" + GUN + "/_trust/tuf/";

  private static final Pattern UPDATE_OR_DELETE = Pattern.compile(TUF + "$");
  private static final Pattern BY_HASH = Pattern.compile(
      TUF + ROLE + "\\.(?<checksum>[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})\\.json$");
  private static final Pattern BY_VERSION = Pattern.compile(TUF + "(?<version>[1-9]*[0-9]+)\\." + ROLE + "\\.json$");
  private static final Pattern CURRENT = Pattern.compile(TUF + ROLE + "\\.json$");
  private static final Pattern KEY = Pattern.compile(TUF + "(?<role>snapshot|timestamp)\\.key$");
  private static final Pattern CHANGEFEED_GUN = Pattern.compile("^/v2/" + GUN + "/_trust/changefeed$");

  private Routes() {}

  public static RouteMatch match(String method, String path) {
    switch (method) {
      case "GET" -> {
        if (path.equals("/v2/")) {
          return RouteMatch.of(Route.MAIN);
        }
        Matcher m;
        if ((m = BY_HASH.matcher(path)).matches()) {
          return new RouteMatch(Route.GET_BY_HASH, m.group("gun"), m.group("role"), m.group("checksum"), null);
        }
        if ((m = BY_VERSION.matcher(path)).matches()) {
          return new RouteMatch(Route.GET_BY_VERSION, m.group("gun"), m.group("role"), null, m.group("version"));
        }
        if ((m = CURRENT.matcher(path)).matches()) {
          return new RouteMatch(Route.GET_CURRENT, m.group("gun"), m.group("role"), null, null);
        }
        if ((m = KEY.matcher(path)).matches()) {
          return new RouteMatch(Route.GET_KEY, m.group("gun"), m.group("role"), null, null);
        }
        if ((m = CHANGEFEED_GUN.matcher(path)).matches()) {
          return new RouteMatch(Route.CHANGEFEED_GUN, m.group("gun"), null, null, null);
        }
        if (path.equals("/v2/_trust/changefeed")) {
          return RouteMatch.of(Route.CHANGEFEED_ALL);
        }
        if (path.equals("/_notary_server/health")) {
          return RouteMatch.of(Route.HEALTH);
        }
        if (path.equals("/metrics")) {
          return RouteMatch.of(Route.METRICS);
        }
        return RouteMatch.of(Route.NOT_FOUND);
      }
      case "POST" -> {
        Matcher m;
        if ((m = UPDATE_OR_DELETE.matcher(path)).matches()) {
          return new RouteMatch(Route.UPDATE, m.group("gun"), null, null, null);
        }
        if ((m = KEY.matcher(path)).matches()) {
          return new RouteMatch(Route.ROTATE_KEY, m.group("gun"), m.group("role"), null, null);
        }
        return RouteMatch.of(Route.NOT_FOUND);
      }
      case "DELETE" -> {
        Matcher m = UPDATE_OR_DELETE.matcher(path);
        return m.matches() ? new RouteMatch(Route.DELETE, m.group("gun"), null, null, null) : RouteMatch.of(Route.NOT_FOUND);
      }
      case "PUT", "HEAD" -> {
        return RouteMatch.of(Route.NOT_FOUND);
      }
      default -> {
        return RouteMatch.of(Route.NO_ROUTE);
      }
    }
  }
}
