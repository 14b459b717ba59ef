package io.trustyard.trustserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** notary's route table: patterns, order and the variables it extracts. */
class RoutesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "GET|/v2/|MAIN|-|-|-|-",
      "GET|/v2/a/b/_trust/tuf/root.json|GET_CURRENT|a/b|root|-|-",
      "GET|/v2/a/b/_trust/tuf/targets/releases.json|GET_CURRENT|a/b|targets/releases|-|-",
      "GET|/v2/a/b/_trust/tuf/3.root.json|GET_BY_VERSION|a/b|root|-|3",
      "GET|/v2/a/b/_trust/tuf/01.targets/x/y.json|GET_BY_VERSION|a/b|targets/x/y|-|01",
      "GET|/v2/g/_trust/tuf/snapshot.0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF.json|GET_BY_HASH|g|snapshot|0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF|-",
      "GET|/v2/g/_trust/tuf/timestamp.key|GET_KEY|g|timestamp|-|-",
      "POST|/v2/g/_trust/tuf/snapshot.key|ROTATE_KEY|g|snapshot|-|-",
      "POST|/v2/docker.io/library/alpine/_trust/tuf/|UPDATE|docker.io/library/alpine|-|-|-",
      "DELETE|/v2/g/_trust/tuf/|DELETE|g|-|-|-",
      "GET|/v2/g/_trust/changefeed|CHANGEFEED_GUN|g|-|-|-",
      "GET|/v2/_trust/changefeed|CHANGEFEED_ALL|-|-|-|-",
      "GET|/_notary_server/health|HEALTH|-|-|-|-",
      "GET|/metrics|METRICS|-|-|-|-",
      "GET|/v2/g/_trust/tuf/root.key|NOT_FOUND|-|-|-|-",
      "GET|/v2/g*/_trust/tuf/root.json|NOT_FOUND|-|-|-|-",
      "GET|/v2//_trust/tuf/root.json|NOT_FOUND|-|-|-|-",
      "GET|/v2/g/_trust/tuf/targets/.json|NOT_FOUND|-|-|-|-",
      "GET|/v2/g/_trust/tuf/root.abc.json|NOT_FOUND|-|-|-|-",
      "GET|/v2/g/_trust/tuf/|NOT_FOUND|-|-|-|-",
      "POST|/v2/g/_trust/tuf/root.json|NOT_FOUND|-|-|-|-",
      "HEAD|/v2/g/_trust/tuf/root.json|NOT_FOUND|-|-|-|-",
      "PUT|/v2/g/_trust/tuf/|NOT_FOUND|-|-|-|-",
      "PATCH|/v2/|NO_ROUTE|-|-|-|-",
      "OPTIONS|/v2/g/_trust/tuf/|NO_ROUTE|-|-|-|-"})
  void matchesNotarysTable(String method, String path, Route route, String gun, String role, String checksum, String version) {
    assertThat(Routes.match(method, path)).isEqualTo(new RouteMatch(route, gun, role, checksum, version));
  }

  static Stream<Arguments> randomGuns() {
    Random random = new Random(4443);
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-._/:@ ~%";
    return IntStream.range(0, 200).mapToObj(i -> {
      StringBuilder gun = new StringBuilder();
      int n = 1 + random.nextInt(40);
      for (int k = 0; k < n; k++) {
        gun.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return Arguments.of(gun.toString());
    });
  }

  /** Any GUN without '*' round-trips through every GUN route; the role never swallows part of it. */
  @ParameterizedTest
  @MethodSource("randomGuns")
  void everyGunWithoutAStarRoundTrips(String gun) {
    assertThat(Routes.match("GET", "/v2/" + gun + "/_trust/tuf/timestamp.json"))
        .isEqualTo(new RouteMatch(Route.GET_CURRENT, gun, "timestamp", null, null));
    assertThat(Routes.match("POST", "/v2/" + gun + "/_trust/tuf/").gun()).isEqualTo(gun);
    assertThat(Routes.match("GET", "/v2/" + gun + "/_trust/changefeed").gun()).isEqualTo(gun);
    assertThat(Routes.match("GET", "/v2/" + gun + "*/_trust/tuf/timestamp.json").route()).isEqualTo(Route.NOT_FOUND);
  }
}
