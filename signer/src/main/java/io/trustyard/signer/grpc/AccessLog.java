package io.trustyard.signer.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call: one structured line on the {@code io.trustyard.access} logger (method, status,
 * duration; never payloads) and one sample of {@code trustyard_signer_rpc} by method and status.
 */
final class AccessLog implements ServerInterceptor {
  private static final Logger ACCESS = LoggerFactory.getLogger("io.trustyard.access");

  private final MeterRegistry metrics;

  AccessLog(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    long start = System.nanoTime();
    String method = call.getMethodDescriptor().getFullMethodName();
    return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        long nanos = System.nanoTime() - start;
        Timer.builder("trustyard_signer_rpc")
            .description("gRPC calls served, by method and status")
            .tag("method", method)
            .tag("status", status.getCode().name())
            .register(metrics)
            .record(nanos, TimeUnit.NANOSECONDS);
        ACCESS.info("service=signer method={} status={} duration_ms={}", method, status.getCode(), nanos / 1_000_000);
        super.close(status, trailers);
      }
    }, headers);
  }
}
