package io.trustyard.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoTimeTest {

  @ParameterizedTest
  @CsvSource({
      "2036-11-18T23:45:58.591295927Z, 2036-11-18T23:45:58.591295927Z",
      "2029-01-01T00:00:00.000Z, 2029-01-01T00:00:00Z",
      "2029-01-01T00:00:00.5Z, 2029-01-01T00:00:00.5Z",
      "2029-01-01T00:00:00.120Z, 2029-01-01T00:00:00.12Z",
      "2116-07-03T17:56:36.027379879-05:00, 2116-07-03T17:56:36.027379879-05:00",
      "2029-01-01T00:00:00+00:00, 2029-01-01T00:00:00Z",
      "2029-01-01T05:30:00+05:30, 2029-01-01T05:30:00+05:30",
      "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z"})
  void rfc3339IsWrittenAsGoWritesIt(String in, String out) {
    OffsetDateTime parsed = GoTime.parse(in);
    assertThat(GoTime.format(parsed)).isEqualTo(out);
    assertThat(GoTime.parse(out).toInstant()).isEqualTo(parsed.toInstant());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2029-01-01 00:00:00Z", "2029-01-01T00:00:00", "2029-01-01T00:00:00.Z",
      "2029-13-01T00:00:00Z", "2029-01-01T00:00:00.1234567890Z", "2029-01-01T00:00:00+24:00",
      "29-01-01T00:00:00Z", "2029-01-01t00:00:00z"})
  void malformedTimesAreRefused(String in) {
    assertThatThrownBy(() -> GoTime.parse(in)).isInstanceOf(DateTimeException.class);
  }

  @org.junit.jupiter.api.Test
  void offsetsWithSecondsCannotBeWritten() {
    assertThatThrownBy(() -> GoTime.format(OffsetDateTime.of(2029, 1, 1, 0, 0, 0, 0,
        ZoneOffset.ofTotalSeconds(30)))).isInstanceOf(DateTimeException.class);
  }
}
