package io.trustyard.core.notary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotaryErrorEnvelopeTest {

  private static String envelope(NotaryException e) {
    return new String(NotaryErrorEnvelope.toBytes(e), StandardCharsets.UTF_8);
  }

  @Test
  void omitsAbsentDetailAndEndsWithNewline() {
    assertThat(envelope(new NotaryException(NotaryErrorCode.MALFORMED_UPLOAD)))
        .isEqualTo("{\"errors\":[{\"code\":\"MALFORMED_UPLOAD\",\"message\":\"The body of your request is malformed.\"}]}\n");
  }

  @Test
  void writesEmptyObjectDetailAsNotaryDoesForNotFound() {
    assertThat(envelope(new NotaryException(NotaryErrorCode.METADATA_NOT_FOUND, JsonNodeFactory.instance.objectNode())))
        .isEqualTo("{\"errors\":[{\"code\":\"METADATA_NOT_FOUND\",\"message\":\"You have requested metadata that does not exist.\",\"detail\":{}}]}\n");
  }

  @Test
  void validationDetailHasGoFieldNamesInOrder() {
    assertThat(envelope(ValidationError.ErrBadRoot.exception("Root modifications must increment the version. Current 1, new 3")))
        .isEqualTo("{\"errors\":[{\"code\":\"INVALID_UPDATE\",\"message\":\"Update sent by the client is invalid.\","
            + "\"detail\":{\"Name\":\"ErrBadRoot\",\"Error\":{\"Msg\":\"Root modifications must increment the version. Current 1, new 3\"}}}]}\n");
    assertThat(ValidationError.badHierarchy("snapshot", "m").toString())
        .isEqualTo("{\"Name\":\"ErrBadHierarchy\",\"Error\":{\"Missing\":\"snapshot\",\"Msg\":\"m\"}}");
  }

  @Test
  void escapesStringsLikeGo() {
    String out = envelope(new NotaryException(NotaryErrorCode.INVALID_ROLE, TextNode.valueOf("a<b>&c\u2028\b\n\"é")));
    assertThat(out).contains("\"detail\":\"a\\u003cb\\u003e\\u0026c\\u2028\\u0008\\n\\\"é\"");
  }

  @Test
  void statusesFollowNotary() {
    assertThat(NotaryErrorCode.VERSION.httpStatus()).isEqualTo(400);
    assertThat(NotaryErrorCode.UPDATING.httpStatus()).isEqualTo(500);
    assertThat(NotaryErrorCode.METADATA_NOT_FOUND.httpStatus()).isEqualTo(404);
    assertThat(NotaryErrorCode.UNAUTHORIZED.httpStatus()).isEqualTo(401);
  }
}
