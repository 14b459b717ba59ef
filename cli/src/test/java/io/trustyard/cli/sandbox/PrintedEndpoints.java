package io.trustyard.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The health and metrics URLs the sandbox prints, each checked to answer as a monitoring system expects. */
final class PrintedEndpoints {
  private static final Pattern URL = Pattern.compile("https?://localhost:\\d+/\\S*(?:health|metrics)");
  /** A line of Prometheus's text format: a comment, or a sample with optional labels and timestamp. */
  private static final Pattern PROMETHEUS_LINE = Pattern.compile(
      "#.*|[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*})? (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?\\d+)?");

  private PrintedEndpoints() {}

  static List<URI> urls(String printed) {
    List<URI> urls = new ArrayList<>();
    Matcher m = URL.matcher(printed);
    while (m.find()) {
      urls.add(URI.create(m.group()));
    }
    return urls;
  }

  /** Every printed health URL answers 200, every metrics URL 200 in Prometheus text; one of each per service. */
  static void assertEachAnswers(String printed, SandboxSettings s) throws Exception {
    List<URI> urls = urls(printed);
    assertThat(urls).as("health and metrics URLs printed:\n" + printed).contains(
        URI.create(s.registryUrl() + "/health"), URI.create(s.registryUrl() + "/metrics"),
        URI.create(s.trustServerUrl() + "/_notary_server/health"), URI.create(s.trustServerUrl() + "/metrics"),
        URI.create(s.signerHttpUrl() + "/health"), URI.create(s.signerHttpUrl() + "/metrics"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .sslContext(TrustedCa.sslContext(s.dataDir().resolve("root-ca.crt"))).build();
    for (URI url : urls) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(url + " answered " + r.body()).isEqualTo(200);
      if (url.getPath().endsWith("/metrics")) {
        assertThat(r.headers().firstValue("Content-Type")).as(url.toString())
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body()).as(url.toString()).contains("# TYPE ").contains("process_uptime_seconds");
        assertThat(r.body().lines().filter(l -> !l.isBlank()))
            .as(url + " in Prometheus text format").allMatch(l -> PROMETHEUS_LINE.matcher(l).matches());
      }
    }
  }
}
