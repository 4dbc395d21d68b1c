package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.names;
import static io.github.jobstore.json.JsonTestSupport.rejected;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code errorBody}: the API's 400 body, {@code {"field": ["message", ...], ...}}. */
class ErrorBodyTest {

  @Test
  void oneViolationIsOneFieldWithOneMessage() {
    String body = JSON.errorBody(new ValidationException(Violation.blank("data_source")));

    assertThat(body).isEqualTo("{\"data_source\":[\"This field may not be blank.\"]}");
  }

  @Test
  void severalViolationsAreSeveralFieldsInTheirOrder() {
    ValidationException e =
        new ValidationException(
            List.of(
                new Violation("agent", "Must be a valid UUID."),
                new Violation(
                    "analyzer_model", "Ensure this field has no more than 128 characters."),
                new Violation("status", "\"x\" is not a valid choice.")));

    String body = JSON.errorBody(e);

    assertThat(names(tree(body))).containsExactly("agent", "analyzer_model", "status");
    assertThat(tree(body))
        .isEqualTo(
            tree(
                "{\"agent\": [\"Must be a valid UUID.\"],"
                    + " \"analyzer_model\": [\"Ensure this field has no more than 128 characters.\"],"
                    + " \"status\": [\"\\\"x\\\" is not a valid choice.\"]}"));
  }

  @Test
  void messagesOfTheSameFieldAreGroupedInOneList() {
    ValidationException e =
        new ValidationException(
            List.of(
                new Violation("data_source", "first"),
                new Violation("status", "other"),
                new Violation("data_source", "second")));

    String body = JSON.errorBody(e);

    assertThat(body).isEqualTo("{\"data_source\":[\"first\",\"second\"],\"status\":[\"other\"]}");
  }

  @Test
  void bodyOfARejectedDocumentListsEveryViolation() {
    ValidationException e =
        rejected(
            () ->
                JSON.readJobCreateParams(
                    "{\"status\": \"x\", \"data_source\": \"\", \"baseline_score\": NaN}"));

    assertThat(tree(JSON.errorBody(e)))
        .isEqualTo(
            tree(
                "{\"baseline_score\": [\"A valid number is required.\"],"
                    + " \"data_source\": [\"This field may not be blank.\"],"
                    + " \"status\": [\"\\\"x\\\" is not a valid choice.\"]}"));
  }

  @Test
  void bodyOfABuilderRejectionIsTheSameShape() {
    ValidationException e =
        rejected(() -> JobCreateParams.builder().analyzerModel("m".repeat(129)).build());

    assertThat(JSON.errorBody(e))
        .isEqualTo("{\"analyzer_model\":[\"Ensure this field has no more than 128 characters.\"]}");
  }

  @Test
  void nonFieldErrorsAreABodyLikeAnyOther() {
    ValidationException e = rejected(() -> JSON.readJobCreateParams("[]"));

    assertThat(JSON.errorBody(e))
        .isEqualTo(
            "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}");
  }

  @Test
  void messagesWithQuotesAndUnicodeAreEscapedAsJson() {
    String body =
        JSON.errorBody(new ValidationException(Violation.invalidChoice("status", "ü\\x")));

    assertThat(tree(body).get("status").get(0).textValue())
        .isEqualTo("\"ü\\x\" is not a valid choice.");
  }

  /** A document that is not JSON has its own body, {@code {"detail": "..."}}, naming where. */
  @Test
  void aMalformedDocumentIsADetailNamingWhereItBroke() {
    MalformedJsonException e =
        catchThrowableOfType(
            MalformedJsonException.class, () -> JSON.readJobCreateParams("{}\n {} x"));

    assertThat(JSON.errorBody(e))
        .isEqualTo(
            "{\"detail\":\"JSON parse error - Extra data after the JSON value at line 2 column 3.\"}");
  }
}
