package io.trustyard.core.oci;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.digest.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OciNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "library/ubuntu", "a/b/c/d", "a.b_c__d---e", "0x/1y"})
  void validNames(String name) {
    assertThat(OciNames.isValidRepositoryName(name)).isTrue();
    assertThat(OciNames.repositoryNameProblem(name)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "A", "a/", "/a", "a//b", "a___b", "a.-b", "-a", "a/../b", "a/./b", "_catalog"})
  void invalidNames(String name) {
    assertThat(OciNames.isValidRepositoryName(name)).isFalse();
    assertThat(OciNames.repositoryNameProblem(name)).isNotNull();
  }

  @Test
  void nameLength() {
    assertThat(OciNames.isValidRepositoryName("a".repeat(255))).isTrue();
    assertThat(OciNames.isValidRepositoryName("a".repeat(256))).isFalse();
  }

  @Test
  void tags() {
    assertThat(OciNames.isValidTag("latest")).isTrue();
    assertThat(OciNames.isValidTag("_x.Y-1")).isTrue();
    assertThat(OciNames.isValidTag("a".repeat(128))).isTrue();
    assertThat(OciNames.isValidTag("a".repeat(129))).isFalse();
    assertThat(OciNames.isValidTag(".x")).isFalse();
    assertThat(OciNames.isValidTag("-x")).isFalse();
    assertThat(OciNames.isValidTag("a:b")).isFalse();
    assertThat(OciNames.isValidTag("")).isFalse();
  }

  @Test
  void referrersTagTruncatesSha512() {
    Digest d512 = Digest.parse("sha512:" + "ab".repeat(64));
    assertThat(OciNames.referrersTag(d512)).isEqualTo("sha512-" + "ab".repeat(32));
    assertThat(OciNames.isValidTag(OciNames.referrersTag(d512))).isTrue();
  }

  @Test
  void errorCodesCarryStatusAndRoundTrip() {
    assertThat(OciErrorCode.BLOB_UNKNOWN.httpStatus()).isEqualTo(404);
    assertThat(OciErrorCode.DIGEST_INVALID.httpStatus()).isEqualTo(400);
    assertThat(OciErrorCode.RANGE_INVALID.httpStatus()).isEqualTo(416);
    assertThat(OciErrorCode.fromCode("NAME_UNKNOWN")).contains(OciErrorCode.NAME_UNKNOWN);
    assertThat(OciErrorCode.fromCode("NOPE")).isEmpty();
    var entries = java.util.List.of(new OciErrors.Entry("BLOB_UNKNOWN", "blob unknown to registry", null));
    assertThat(OciErrors.parse(OciErrors.toJson(entries))).isEqualTo(entries);
    assertThat(OciErrors.parse("not json".getBytes())).isEmpty();
  }
}
