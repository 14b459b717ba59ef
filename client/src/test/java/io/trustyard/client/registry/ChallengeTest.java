package io.trustyard.client.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeTest {

  @Test
  void parsesDockerHubStyleBearerChallenges() {
    List<Challenge> c = Challenge.parse(List.of(
        "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
            + "scope=\"repository:library/alpine:pull,push\""));
    assertThat(c).hasSize(1);
    assertThat(c.get(0).isBearer()).isTrue();
    assertThat(c.get(0).param("realm")).isEqualTo("https://auth.docker.io/token");
    assertThat(c.get(0).param("service")).isEqualTo("registry.docker.io");
    assertThat(c.get(0).param("scope")).isEqualTo("repository:library/alpine:pull,push");
  }

  @Test
  void parsesSeveralChallengesUnquotedValuesAndEscapes() {
    List<Challenge> c = Challenge.parse(List.of(
        "Basic realm=\"a \\\"quoted\\\" realm\", Bearer realm=https://t.example/token, error=insufficient_scope",
        "Negotiate"));
    assertThat(c).extracting(Challenge::scheme).containsExactly("basic", "bearer", "negotiate");
    assertThat(c.get(0).param("realm")).isEqualTo("a \"quoted\" realm");
    assertThat(c.get(1).param("realm")).isEqualTo("https://t.example/token");
    assertThat(c.get(1).param("error")).isEqualTo("insufficient_scope");
  }

  @Test
  void garbageGivesNoChallengeRatherThanAnError() {
    assertThat(Challenge.parse(List.of("", ",,,", "=\"x\""))).isEmpty();
  }
}
