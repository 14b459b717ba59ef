package io.trustyard.signer.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One structured line per call on the {@code io.trustyard.access} logger: method, status, duration. Never payloads. */
final class AccessLog implements ServerInterceptor {
  private static final Logger ACCESS = LoggerFactory.getLogger("io.trustyard.access");

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    long start = System.nanoTime();
    String method = call.getMethodDescriptor().getFullMethodName();
    return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        ACCESS.info("service=signer method={} status={} duration_ms={}", method, status.getCode(),
            (System.nanoTime() - start) / 1_000_000);
        super.close(status, trailers);
      }
    }, headers);
  }
}
