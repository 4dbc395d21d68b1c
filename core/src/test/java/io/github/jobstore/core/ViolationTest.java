package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each factory words its message exactly as the API (Django REST framework) does. */
class ViolationTest {

  static Stream<Arguments> factories() {
    return Stream.of(
        Arguments.of(Violation.required("f"), "f", "This field is required."),
        Arguments.of(Violation.blank("f"), "f", "This field may not be blank."),
        Arguments.of(Violation.notNull("f"), "f", "This field may not be null."),
        Arguments.of(
            Violation.tooLong("f", 128), "f", "Ensure this field has no more than 128 characters."),
        Arguments.of(Violation.notANumber("f"), "f", "A valid number is required."),
        Arguments.of(Violation.notAnInteger("f"), "f", "A valid integer is required."),
        Arguments.of(Violation.notAString("f"), "f", "Not a valid string."),
        Arguments.of(Violation.stringTooLarge("f"), "f", "String value too large."),
        Arguments.of(
            Violation.atLeast("f", Long.MIN_VALUE),
            "f",
            "Ensure this value is greater than or equal to -9223372036854775808."),
        Arguments.of(
            Violation.atMost("f", Long.MAX_VALUE),
            "f",
            "Ensure this value is less than or equal to 9223372036854775807."),
        Arguments.of(
            Violation.atMost("score_min", "1e+50"),
            "score_min",
            "Ensure this value is less than or equal to 1e+50."),
        Arguments.of(Violation.readOnly("f"), "f", "This field is read-only."),
        Arguments.of(
            Violation.invalidChoice("f", "Running"), "f", "\"Running\" is not a valid choice."),
        Arguments.of(Violation.invalidUuid("f"), "f", "Must be a valid UUID."),
        Arguments.of(
            Violation.doesNotExist("job", UUID.fromString("00000000-0000-4000-8000-000000000063")),
            "job",
            "Invalid pk \"00000000-0000-4000-8000-000000000063\" - object does not exist."),
        Arguments.of(Violation.enterAValidUuid("f"), "f", "Enter a valid UUID."),
        Arguments.of(
            Violation.selectAValidChoice("status", "runnin"),
            "status",
            "Select a valid choice. runnin is not one of the available choices."),
        Arguments.of(Violation.enterANumber("f"), "f", "Enter a number."),
        Arguments.of(Violation.enterAValidDateTime("f"), "f", "Enter a valid date/time."),
        Arguments.of(Violation.nullCharacters("f"), "f", "Null characters are not allowed."),
        Arguments.of(
            Violation.invalidDateTime("f"),
            "f",
            "Datetime has wrong format. Use one of these formats instead:"
                + " YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."),
        Arguments.of(
            Violation.notAnObject("f", "list"),
            "f",
            "Expected a dictionary of items but got type \"list\"."),
        Arguments.of(
            Violation.notAList("f", "dict"),
            "f",
            "Expected a list of items but got type \"dict\"."),
        Arguments.of(Violation.invalidJson("f"), "f", "Value must be valid JSON."),
        Arguments.of(
            Violation.tooDeep("f", 500),
            "f",
            "Ensure this value has no more than 500 levels of nesting."),
        Arguments.of(Violation.noData(), "non_field_errors", "No data provided"),
        Arguments.of(
            Violation.notADictionary("list"),
            "non_field_errors",
            "Invalid data. Expected a dictionary, but got list."));
  }

  @ParameterizedTest
  @MethodSource("factories")
  void factoryWordsTheApisMessage(Violation violation, String field, String message) {
    assertThat(violation).isEqualTo(new Violation(field, message));
  }

  @Test
  void nonFieldErrorsIsTheApisPseudoField() {
    assertThat(Violation.NON_FIELD_ERRORS).isEqualTo("non_field_errors");
  }

  @Test
  void printsAsFieldColonMessage() {
    assertThat(Violation.blank("data_source"))
        .hasToString("data_source: This field may not be blank.");
  }
}
