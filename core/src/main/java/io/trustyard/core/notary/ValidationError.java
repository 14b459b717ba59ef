package io.trustyard.core.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The typed validation errors notary-server returns as the {@code detail} of {@code
 * INVALID_UPDATE}. The Go client rebuilds its own error type from {@code Name} and {@code
 * Error.Msg}, so the names must be exactly these five.
 */
public enum ValidationError {
  ErrValidation,
  ErrBadHierarchy,
  ErrBadRoot,
  ErrBadTargets,
  ErrBadSnapshot;

  /** {@code {"Name":"<name>","Error":{"Msg":"<msg>"}}}. */
  public JsonNode detail(String msg) {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("Msg", msg);
    return wrap(error);
  }

  /** The {@code ErrBadHierarchy} form, which names the missing role before the message. */
  public static JsonNode badHierarchy(String missing, String msg) {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("Missing", missing);
    error.put("Msg", msg);
    return ErrBadHierarchy.wrap(error);
  }

  /** An {@code INVALID_UPDATE} exception carrying this error. */
  public NotaryException exception(String msg) {
    return new NotaryException(NotaryErrorCode.INVALID_UPDATE, detail(msg), name() + ": " + msg);
  }

  private JsonNode wrap(ObjectNode error) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("Name", name());
    node.set("Error", error);
    return node;
  }
}
