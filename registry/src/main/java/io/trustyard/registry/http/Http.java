package io.trustyard.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.trustyard.core.oci.OciErrorCode;
import io.trustyard.core.oci.OciErrors;
import io.trustyard.registry.service.RegistryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writing answers: the error envelope, JSON bodies, and the headers every answer carries. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String API_VERSION = "Docker-Distribution-API-Version";
  static final String CONTENT_DIGEST = "Docker-Content-Digest";
  static final String UPLOAD_UUID = "Docker-Upload-UUID";

  private Http() {}

  /** Writes a refusal as the distribution error envelope (every error answer goes through here). */
  static void error(ServerResponse res, RegistryException e) {
    List<OciErrors.Entry> entries = new ArrayList<>();
    for (RegistryException.Error err : e.errors()) {
      JsonNode detail = err.detail() == null ? null : JSON.valueToTree(err.detail());
      entries.add(new OciErrors.Entry(err.code().code(), err.message(), detail));
    }
    send(res, e.status(), "application/json; charset=utf-8", OciErrors.toJson(entries));
  }

  static void error(ServerResponse res, OciErrorCode code, String message) {
    error(res, new RegistryException(code, message));
  }

  static void json(ServerResponse res, int status, Object body) {
    try {
      send(res, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static void send(ServerResponse res, int status, String contentType, byte[] body) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, contentType);
    res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
    res.send(body);
  }

  /** An answer with no body and {@code Content-Length: 0}. */
  static void empty(ServerResponse res, int status) {
    res.status(status);
    res.header(HeaderNames.CONTENT_LENGTH, "0");
    res.send();
  }

  static String header(ServerRequest req, String name) {
    return req.headers().first(HeaderNames.create(name)).orElse(null);
  }

  static String query(ServerRequest req, String name) {
    return req.query().contains(name) ? req.query().first(name).orElse(null) : null;
  }

  static List<String> queryAll(ServerRequest req, String name) {
    return req.query().contains(name) ? req.query().all(name) : List.of();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
