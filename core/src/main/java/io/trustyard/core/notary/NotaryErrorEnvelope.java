package io.trustyard.core.notary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place that turns a notary error into its wire form, as distribution's {@code
 * errcode.ServeJSON} writes it: {@code {"errors":[{"code":…,"message":…,"detail":…}]}} plus a
 * newline, {@code detail} left out when absent, strings escaped as Go's encoder escapes them.
 */
public final class NotaryErrorEnvelope {
  /** {@code Content-Type} of every error response. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NotaryErrorEnvelope() {}

  public static byte[] toBytes(NotaryException e) {
    return toBytes(e.code(), e.detail().orElse(null));
  }

  public static byte[] toBytes(NotaryErrorCode code, JsonNode detail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.setCharacterEscapes(GoEscapes.INSTANCE);
      g.writeStartObject();
      g.writeArrayFieldStart("errors");
      g.writeStartObject();
      g.writeStringField("code", code.code());
      g.writeStringField("message", code.message());
      if (detail != null && !detail.isNull()) {
        g.writeFieldName("detail");
        MAPPER.writeTree(g, detail);
      }
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** Go's encoding/json escapes HTML characters and U+2028/U+2029, and \b \f as \\u00XX. */
  static final class GoEscapes extends CharacterEscapes {
    static final GoEscapes INSTANCE = new GoEscapes();
    private final int[] table;

    private GoEscapes() {
      table = standardAsciiEscapesForJSON();
      table['<'] = ESCAPE_CUSTOM;
      table['>'] = ESCAPE_CUSTOM;
      table['&'] = ESCAPE_CUSTOM;
      table['\b'] = ESCAPE_CUSTOM;
      table['\f'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == '<' || ch == '>' || ch == '&' || ch == '\b' || ch == '\f' || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
