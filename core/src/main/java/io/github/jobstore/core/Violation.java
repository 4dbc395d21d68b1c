package io.github.jobstore.core;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.UUID;

/**
 * One broken constraint: the wire name of the field (for example {@code analyzer_model}) and the
 * API's message for it (for example {@code Ensure this field has no more than 128 characters.}).
 *
 * <p>The static factories are the one place that words the API's (Django REST framework's)
 * messages; every module reports through them, so a message that changes changes once. None of them
 * echoes a rejected string value, which may be someone's code or a secret: {@link
 * #invalidChoice(String, String)} alone quotes the rejected choice, as the API does.
 *
 * @param field the field's wire name
 * @param message the API's wording of what is wrong; never contains the rejected string value
 */
public record Violation(String field, String message) implements Serializable {

  /** The pseudo-field of violations that concern a whole document rather than one field. */
  public static final String NON_FIELD_ERRORS = "non_field_errors";

  /**
   * Creates a violation.
   *
   * @throws NullPointerException if either argument is null
   */
  public Violation {
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }

  /** {@code This field is required.}: a required field is missing. */
  public static Violation required(String field) {
    return new Violation(field, "This field is required.");
  }

  /** {@code This field may not be blank.}: empty or white space where text is required. */
  public static Violation blank(String field) {
    return new Violation(field, "This field may not be blank.");
  }

  /** {@code This field may not be null.}: a {@code null} for a field that does not take one. */
  public static Violation notNull(String field) {
    return new Violation(field, "This field may not be null.");
  }

  /** {@code Ensure this field has no more than N characters.}: a string longer than its limit. */
  public static Violation tooLong(String field, int maxLength) {
    return new Violation(field, "Ensure this field has no more than " + maxLength + " characters.");
  }

  /** {@code A valid number is required.}: not a number, or not finite. */
  public static Violation notANumber(String field) {
    return new Violation(field, "A valid number is required.");
  }

  /** {@code A valid integer is required.}: not an integer. */
  public static Violation notAnInteger(String field) {
    return new Violation(field, "A valid integer is required.");
  }

  /** {@code Not a valid string.}: a value that is neither a string nor a number. */
  public static Violation notAString(String field) {
    return new Violation(field, "Not a valid string.");
  }

  /** {@code String value too large.}: a number given as a string longer than the API reads. */
  public static Violation stringTooLarge(String field) {
    return new Violation(field, "String value too large.");
  }

  /** {@code Ensure this value is greater than or equal to N.}: a number below its minimum. */
  public static Violation atLeast(String field, long minimum) {
    return new Violation(field, "Ensure this value is greater than or equal to " + minimum + ".");
  }

  /** {@code Ensure this value is less than or equal to N.}: a number above its maximum. */
  public static Violation atMost(String field, long maximum) {
    return new Violation(field, "Ensure this value is less than or equal to " + maximum + ".");
  }

  /**
   * {@code Ensure this value is less than or equal to N.}, with {@code N} as the API prints it (for
   * django-filter's number limit, Python's {@code 1e+50}).
   */
  public static Violation atMost(String field, String maximum) {
    return new Violation(field, "Ensure this value is less than or equal to " + maximum + ".");
  }

  /** {@code This field is read-only.}: a change to a field only the store assigns. */
  public static Violation readOnly(String field) {
    return new Violation(field, "This field is read-only.");
  }

  /** {@code "x" is not a valid choice.}: a value outside an enum's or an ordering's choices. */
  public static Violation invalidChoice(String field, String value) {
    return new Violation(field, '"' + value + "\" is not a valid choice.");
  }

  /**
   * {@code Invalid pk "<uuid>" - object does not exist.}: a reference to a job (or other object)
   * that does not exist.
   */
  public static Violation doesNotExist(String field, UUID pk) {
    return new Violation(field, "Invalid pk \"" + pk + "\" - object does not exist.");
  }

  /** {@code Enter a valid UUID.}: django-filter's message for a malformed UUID query parameter. */
  public static Violation enterAValidUuid(String field) {
    return new Violation(field, "Enter a valid UUID.");
  }

  /**
   * {@code Select a valid choice. <value> is not one of the available choices.}: django-filter's
   * message for an unknown choice in a query parameter. Quotes the value, as the API does.
   */
  public static Violation selectAValidChoice(String field, String value) {
    return new Violation(
        field, "Select a valid choice. " + value + " is not one of the available choices.");
  }

  /** {@code Enter a number.}: django-filter's message for a malformed number query parameter. */
  public static Violation enterANumber(String field) {
    return new Violation(field, "Enter a number.");
  }

  /** {@code Enter a valid date/time.}: django-filter's message for a malformed time parameter. */
  public static Violation enterAValidDateTime(String field) {
    return new Violation(field, "Enter a valid date/time.");
  }

  /**
   * {@code Null characters are not allowed.}: a text query parameter (or search term) holding a NUL
   * character, which Django's {@code ProhibitNullCharactersValidator} rejects.
   */
  public static Violation nullCharacters(String field) {
    return new Violation(field, "Null characters are not allowed.");
  }

  /** {@code Must be a valid UUID.}: a malformed UUID in a document. */
  public static Violation invalidUuid(String field) {
    return new Violation(field, "Must be a valid UUID.");
  }

  /** The API's message for a date-time in a document that ISO 8601 does not describe. */
  public static Violation invalidDateTime(String field) {
    return new Violation(
        field,
        "Datetime has wrong format. Use one of these formats instead:"
            + " YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
  }

  /**
   * {@code Expected a dictionary of items but got type "list".}: a JSON object field given another
   * JSON type, named as Python names it ({@code list}, {@code str}, {@code int}, ...).
   */
  public static Violation notAnObject(String field, String pythonType) {
    return new Violation(
        field, "Expected a dictionary of items but got type \"" + pythonType + "\".");
  }

  /** {@code Expected a list of items but got type "dict".}: a list field given another type. */
  public static Violation notAList(String field, String pythonType) {
    return new Violation(field, "Expected a list of items but got type \"" + pythonType + "\".");
  }

  /** {@code Value must be valid JSON.}: a JSON object field holding {@code NaN} or an infinity. */
  public static Violation invalidJson(String field) {
    return new Violation(field, "Value must be valid JSON.");
  }

  /** {@code Ensure this value has no more than N levels of nesting.}: a JSON value too deep. */
  public static Violation tooDeep(String field, int maxDepth) {
    return new Violation(
        field, "Ensure this value has no more than " + maxDepth + " levels of nesting.");
  }

  /** {@code No data provided}, on {@code non_field_errors}: a request body that is {@code null}. */
  public static Violation noData() {
    return new Violation(NON_FIELD_ERRORS, "No data provided");
  }

  /**
   * {@code Invalid data. Expected a dictionary, but got list.}, on {@code non_field_errors}: a
   * request body that is not a JSON object.
   */
  public static Violation notADictionary(String pythonType) {
    return new Violation(
        NON_FIELD_ERRORS, "Invalid data. Expected a dictionary, but got " + pythonType + ".");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
