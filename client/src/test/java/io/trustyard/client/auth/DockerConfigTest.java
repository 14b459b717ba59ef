package io.trustyard.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigTest {

  @TempDir Path dir;

  @Test
  void readsDockersAuthEntriesWhateverTheKeyForm() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, """
        {"auths": {
          "https://index.docker.io/v1/": {"auth": "aHViOmh1YnBhc3M="},
          "https://reg.example:5000/v2/": {"auth": "dXNlcjpwYTpzcw=="},
          "tok.example": {"auth": "", "identitytoken": "refresh-me"}
        }, "HttpHeaders": {"X-Keep": "me"}}""");
    DockerConfig config = new DockerConfig(file, (h, s) -> Optional.empty());
    assertThat(config.get("docker.io")).contains(Credentials.basic("hub", "hubpass"));
    assertThat(config.get("reg.example:5000")).contains(Credentials.basic("user", "pa:ss"));
    assertThat(config.get("tok.example").orElseThrow().identityToken()).isEqualTo("refresh-me");
    assertThat(config.get("other.example")).isEmpty();
  }

  @Test
  void storeKeepsOtherSettingsReplacesTheOldEntryAndIsPrivate() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"auths\":{\"http://reg.example/\":{\"auth\":\"b2xkOm9sZA==\"}},\"credsStore\":\"\","
        + "\"HttpHeaders\":{\"X-Keep\":\"me\"}}");
    DockerConfig config = new DockerConfig(file, (h, s) -> Optional.empty());
    config.store("reg.example", Credentials.basic("new", "pw"));
    JsonNode saved = new ObjectMapper().readTree(file.toFile());
    assertThat(saved.get("auths").size()).isEqualTo(1);
    assertThat(saved.get("auths").get("reg.example").get("auth").asText()).isEqualTo("bmV3OnB3");
    assertThat(saved.get("HttpHeaders").get("X-Keep").asText()).isEqualTo("me");
    assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    assertThat(config.get("reg.example")).contains(Credentials.basic("new", "pw"));
    assertThat(config.erase("reg.example")).isTrue();
    assertThat(config.get("reg.example")).isEmpty();
    assertThat(config.erase("reg.example")).isFalse();
  }

  @Test
  void credentialHelpersComeFirst() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"credHelpers\":{\"ecr.example\":\"ecr\"},\"auths\":{\"ecr.example\":{\"auth\":\"YTpi\"}}}");
    DockerConfig config = new DockerConfig(file, (helper, server) -> helper.equals("ecr") && server.equals("ecr.example")
        ? Optional.of(Credentials.basic("AWS", "token")) : Optional.empty());
    assertThat(config.get("ecr.example")).contains(Credentials.basic("AWS", "token"));
  }

  @Test
  void aBrokenFileIsNamedInTheError() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{not json");
    DockerConfig config = new DockerConfig(file, (h, s) -> Optional.empty());
    assertThatThrownBy(() -> config.get("x")).hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON");
    assertThat(Credentials.basic("u", "hunter2").toString()).doesNotContain("hunter2");
  }
}
