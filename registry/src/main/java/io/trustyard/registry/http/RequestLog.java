package io.trustyard.registry.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request the registry answers, {@code /v2} or not: one structured line on the
 * {@code io.trustyard.access} logger (never headers or bodies: they carry credentials) and one
 * sample of the request timer.
 */
final class RequestLog {
  private static final Logger ACCESS = LoggerFactory.getLogger("io.trustyard.access");

  private RequestLog() {}

  static void record(MeterRegistry metrics, String method, String path, String endpoint, int status, long startNanos) {
    long nanos = System.nanoTime() - startNanos;
    Timer.builder("trustyard_registry_http_requests")
        .tag("method", method)
        .tag("endpoint", endpoint)
        .tag("status", Integer.toString(status))
        .register(metrics)
        .record(nanos, TimeUnit.NANOSECONDS);
    ACCESS.info("service=registry method={} path={} endpoint={} status={} duration_ms={}", method, path, endpoint,
        status, nanos / 1_000_000);
  }
}
