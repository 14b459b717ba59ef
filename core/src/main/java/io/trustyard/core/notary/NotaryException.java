package io.trustyard.core.notary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure that the trust server reports to its client as one notary error: the code decides
 * the HTTP status and message, {@code detail} is the optional JSON {@code detail} member.
 * Services throw it; the HTTP layer alone turns it into a response ({@link NotaryErrorEnvelope}).
 */
public final class NotaryException extends RuntimeException {
  private final NotaryErrorCode code;
  private final transient JsonNode detail;

  public NotaryException(NotaryErrorCode code, JsonNode detail, String logMessage) {
    super(logMessage == null ? code.code() : code.code() + ": " + logMessage);
    this.code = Objects.requireNonNull(code);
    this.detail = detail;
  }

  public NotaryException(NotaryErrorCode code, JsonNode detail) {
    this(code, detail, detail == null ? null : detail.toString());
  }

  public NotaryException(NotaryErrorCode code) {
    this(code, null, null);
  }

  public NotaryErrorCode code() {
    return code;
  }

  public Optional<JsonNode> detail() {
    return Optional.ofNullable(detail);
  }
}
