package io.trustyard.signer.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.trustyard.signer.SignerException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one unary call: the answer, or the request's failure as a gRPC status. */
final class Calls {

  private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

  private Calls() {}

  static <T> void answer(StreamObserver<T> response, Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (SignerException e) {
      LOG.info("request refused ({}): {}", e.error(), e.getMessage());
      response.onError(GrpcErrors.toStatus(e));
      return;
    } catch (RuntimeException e) {
      LOG.error("request failed", e);
      response.onError(Status.INTERNAL.withDescription("internal signer error").asRuntimeException());
      return;
    }
    response.onNext(result);
    response.onCompleted();
  }
}
