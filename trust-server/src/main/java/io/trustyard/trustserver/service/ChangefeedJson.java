package io.trustyard.trustserver.service;

import io.trustyard.core.json.GoJson;
import io.trustyard.core.json.GoTime;
import io.trustyard.core.notary.NotaryErrorCode;
import io.trustyard.core.notary.NotaryException;
import io.trustyard.core.json.Json;
import io.trustyard.trustserver.storage.Change;
import io.trustyard.trustserver.storage.ChangeQuery;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** notary-server's changefeed parameters and response body (Go field names, {@code ID} as a string). */
final class ChangefeedJson {
  static final int DEFAULT_PAGE = 100;

  private ChangefeedJson() {}

  static ChangeQuery query(String gun, String records, String changeId) {
    int n;
    try {
      n = parseInt32(records);
    } catch (NumberFormatException e) {
      throw new NotaryException(NotaryErrorCode.INVALID_PARAMETERS,
          TextNode.valueOf("invalid records parameter: strconv.ParseInt: parsing " + GoJson.quote(records) + ": " + e.getMessage()));
    }
    int id;
    try {
      id = changeId.isEmpty() ? 0 : parseInt32(changeId);
    } catch (NumberFormatException e) {
      throw new NotaryException(NotaryErrorCode.INVALID_PARAMETERS, Json.nodes().objectNode());
    }
    boolean reverse = n < 0 || id < 0;
    int limit = n == 0 ? DEFAULT_PAGE : Math.abs(n == Integer.MIN_VALUE ? Integer.MAX_VALUE : n);
    return new ChangeQuery(gun, id, limit, reverse);
  }

  /** Go's {@code strconv.ParseInt(s, 10, 32)}, with its two error texts. */
  private static int parseInt32(String s) {
    if (!s.matches("[+-]?[0-9]+")) {
      throw new NumberFormatException("invalid syntax");
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new NumberFormatException("value out of range");
    }
  }

  static byte[] page(List<Change> changes) {
    StringBuilder sb = new StringBuilder("{\"count\":").append(changes.size()).append(",\"records\":");
    if (changes.isEmpty()) {
      sb.append("null");
    } else {
      sb.append('[');
      for (int i = 0; i < changes.size(); i++) {
        Change c = changes.get(i);
        if (i > 0) {
          sb.append(',');
        }
        sb.append("{\"ID\":\"").append(c.id()).append("\",\"CreatedAt\":")
            .append(GoJson.quote(GoTime.format(OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC))))
            .append(",\"GUN\":").append(GoJson.quote(c.gun()))
            .append(",\"Version\":").append(c.version())
            .append(",\"SHA256\":").append(GoJson.quote(c.sha256()))
            .append(",\"Category\":").append(GoJson.quote(c.category()))
            .append('}');
      }
      sb.append(']');
    }
    return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
