package io.trustyard.signer.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.trustyard.signer.SignerError;
import io.trustyard.signer.SignerException;

/** The one mapping between {@link SignerError} and gRPC status codes, both directions. */
public final class GrpcErrors {

  private GrpcErrors() {}

  public static Status.Code code(SignerError error) {
    return switch (error) {
      case KEY_NOT_FOUND -> Status.Code.NOT_FOUND;
      case UNSUPPORTED_ALGORITHM, INVALID_REQUEST -> Status.Code.INVALID_ARGUMENT;
      case PAYLOAD_TOO_LARGE -> Status.Code.RESOURCE_EXHAUSTED;
      case PASSPHRASE_UNAVAILABLE, KEY_UNREADABLE -> Status.Code.FAILED_PRECONDITION;
      case UNAVAILABLE -> Status.Code.UNAVAILABLE;
      case INTERNAL -> Status.Code.INTERNAL;
    };
  }

  /** What a server sends for a failed request. */
  public static StatusRuntimeException toStatus(SignerException e) {
    return Status.fromCode(code(e.error())).withDescription(e.getMessage()).asRuntimeException();
  }

  /** What a client makes of a failed call (to our signer or to notary-signer). */
  public static SignerException fromStatus(StatusRuntimeException e, String what) {
    Status status = e.getStatus();
    SignerError error = switch (status.getCode()) {
      case NOT_FOUND -> SignerError.KEY_NOT_FOUND;
      case INVALID_ARGUMENT -> SignerError.INVALID_REQUEST;
      case RESOURCE_EXHAUSTED -> SignerError.PAYLOAD_TOO_LARGE;
      case FAILED_PRECONDITION -> SignerError.KEY_UNREADABLE;
      case UNAVAILABLE, DEADLINE_EXCEEDED -> SignerError.UNAVAILABLE;
      default -> SignerError.INTERNAL;
    };
    String detail = status.getDescription() == null ? status.getCode().toString() : status.getDescription();
    if (status.getCause() != null && status.getDescription() == null) {
      detail = status.getCode() + ": " + status.getCause().getMessage();
    }
    return new SignerException(error, what + ": " + detail, e);
  }
}
