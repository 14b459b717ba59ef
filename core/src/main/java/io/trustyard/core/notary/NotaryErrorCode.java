package io.trustyard.core.notary;

/**
 * The error codes of the notary-server HTTP API (group {@code notary.api.v1}, plus the errcode
 * defaults the server can emit), with the HTTP status and message notary-server sends for each.
 * Messages are byte-for-byte the Go ones: clients and scripts match on them.
 */
public enum NotaryErrorCode {
  NO_STORAGE(500, "The server is misconfigured and has no storage."),
  NO_FILENAME(400, "No file/role name provided."),
  INVALID_ROLE(400, "The role you are attempting to operate on is invalid."),
  MALFORMED_JSON(400, "JSON sent by the client could not be parsed by the server"),
  UPDATING(500, "An error has occurred while updating the TUF repository."),
  VERSION(400, "A newer version of metadata is already available."),
  METADATA_NOT_FOUND(404, "You have requested metadata that does not exist."),
  INVALID_UPDATE(400, "Update sent by the client is invalid."),
  MALFORMED_UPLOAD(400, "The body of your request is malformed."),
  GENERIC_NOT_FOUND(404, "You have requested a resource that does not exist."),
  NO_CRYPTOSERVICE(500, "The server does not have a signing service configured."),
  NO_KEYALGORITHM(500, "The server does not have a key algorithm configured."),
  INVALID_GUN(400, "The server does not support actions on images of this name."),
  INVALID_PARAMETERS(400, "The parameters provided are not valid."),
  UNKNOWN(500, "unknown error"),
  UNAUTHORIZED(401, "authentication required"),
  DENIED(403, "requested access to the resource is denied");

  private final int httpStatus;
  private final String message;

  NotaryErrorCode(int httpStatus, String message) {
    this.httpStatus = httpStatus;
    this.message = message;
  }

  /** The wire value of the {@code code} member, e.g. {@code METADATA_NOT_FOUND}. */
  public String code() {
    return name();
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String message() {
    return message;
  }
}
