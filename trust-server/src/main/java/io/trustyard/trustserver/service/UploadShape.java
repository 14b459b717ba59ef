package io.trustyard.trustserver.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustyard.core.json.GoTime;
import io.trustyard.core.json.Json;
import io.trustyard.core.json.MalformedJsonException;
import io.trustyard.core.notary.NotaryErrorCode;
import io.trustyard.core.notary.NotaryException;
import java.util.Base64;

/**
 * The first, shallow look notary-server takes at each uploaded part: it must decode as {@code
 * {"signed":{"_type","expires","version"},"signatures":[...]}} with the right JSON types, else
 * the whole update is {@code MALFORMED_JSON}. Everything deeper is validation (§3).
 */
final class UploadShape {
  private UploadShape() {}

  static void check(UploadedFile file, long maxBytes) {
    JsonNode doc;
    try {
      doc = Json.parse(file.data(), maxBytes);
    } catch (MalformedJsonException e) {
      throw malformed(file, e.getMessage());
    }
    if (doc.isNull()) {
      return;
    }
    if (!doc.isObject()) {
      throw malformed(file, "not a JSON object");
    }
    JsonNode signed = doc.get("signed");
    if (signed != null && !signed.isNull()) {
      if (!signed.isObject()) {
        throw malformed(file, "signed is not an object");
      }
      JsonNode type = signed.get("_type");
      if (type != null && !type.isNull() && !type.isTextual()) {
        throw malformed(file, "_type is not a string");
      }
      JsonNode expires = signed.get("expires");
      if (expires != null && !expires.isNull()) {
        if (!expires.isTextual()) {
          throw malformed(file, "expires is not a string");
        }
        try {
          GoTime.parse(expires.asText());
        } catch (RuntimeException e) {
          throw malformed(file, "expires is not an RFC 3339 time");
        }
      }
      JsonNode version = signed.get("version");
      if (version != null && !version.isNull() && !(version.isIntegralNumber() && version.canConvertToLong())) {
        throw malformed(file, "version is not an integer");
      }
    }
    JsonNode signatures = doc.get("signatures");
    if (signatures != null && !signatures.isNull()) {
      if (!signatures.isArray()) {
        throw malformed(file, "signatures is not an array");
      }
      for (JsonNode s : signatures) {
        if (!s.isObject() && !s.isNull()) {
          throw malformed(file, "a signature is not an object");
        }
        JsonNode sig = s.get("sig");
        if (sig != null && !sig.isNull()) {
          if (!sig.isTextual()) {
            throw malformed(file, "sig is not a string");
          }
          try {
            Base64.getDecoder().decode(sig.asText());
          } catch (IllegalArgumentException e) {
            throw malformed(file, "sig is not base64");
          }
        }
      }
    }
  }

  private static NotaryException malformed(UploadedFile file, String why) {
    return new NotaryException(NotaryErrorCode.MALFORMED_JSON, null, file.role() + ": " + why);
  }
}
