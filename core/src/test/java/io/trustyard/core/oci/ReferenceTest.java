package io.trustyard.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTest {
  static final String D = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
      "ubuntu, docker.io, library/ubuntu, -, ubuntu",
      "ubuntu:22.04, docker.io, library/ubuntu, 22.04, ubuntu",
      "docker.io/ubuntu, docker.io, library/ubuntu, -, ubuntu",
      "index.docker.io/library/ubuntu:x, docker.io, library/ubuntu, x, ubuntu",
      "myorg/app, docker.io, myorg/app, -, myorg/app",
      "localhost/app, localhost, app, -, localhost/app",
      "localhost:5000/a/b/c:v1, localhost:5000, a/b/c, v1, localhost:5000/a/b/c",
      "127.0.0.1:5000/x__y.z-w, 127.0.0.1:5000, x__y.z-w, -, 127.0.0.1:5000/x__y.z-w",
      "Registry.Example.com/app:Tag_1, Registry.Example.com, app, Tag_1, Registry.Example.com/app",
      "[::1]:5000/app, [::1]:5000, app, -, [::1]:5000/app",
  })
  void normalises(String input, String registry, String repository, String tag, String familiar) {
    Reference r = Reference.parse(input);
    assertThat(r.registry()).isEqualTo(registry);
    assertThat(r.repository()).isEqualTo(repository);
    assertThat(r.tag()).isEqualTo(tag);
    assertThat(r.digest()).isNull();
    assertThat(r.familiarName()).isEqualTo(familiar);
  }

  @Test
  void tagAndDigest() {
    Reference r = Reference.parse("localhost:5000/app:v1@" + D);
    assertThat(r.tag()).isEqualTo("v1");
    assertThat(r.digest().toString()).isEqualTo(D);
    assertThat(r.manifestReference()).isEqualTo(D);
    assertThat(r.toString()).isEqualTo("localhost:5000/app:v1@" + D);
    assertThat(Reference.parse(r.toString())).isEqualTo(r);
  }

  @Test
  void defaultTag() {
    assertThat(Reference.parseWithDefaultTag("app").tag()).isEqualTo("latest");
    assertThat(Reference.parseWithDefaultTag("app@" + D).tag()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "UPPER", "docker.io/Upper/case", "app:", "app:-tag", "app@sha256:abc",
      "a//b", "/a", "a/", "app:t1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "app@md5:abc", "a b"})
  void rejects(String input) {
    assertThatThrownBy(() -> Reference.parse(input)).isInstanceOf(InvalidReferenceException.class);
  }

  @Test
  void rejectsNamesOver255() {
    String longName = "a/".repeat(130) + "b";
    assertThatThrownBy(() -> Reference.parse("localhost:5000/" + longName))
        .hasMessageContaining("255");
  }

  @Test
  void uppercaseMessageSaysLowercase() {
    assertThatThrownBy(() -> Reference.parse("myorg/App")).hasMessageContaining("lowercase");
  }
}
