package io.github.jobstore.core;

import static java.util.Objects.requireNonNull;

/**
 * A JSON string.
 *
 * @param value the string, exactly as given
 */
public record JsonString(String value) implements JsonValue {

  /**
   * Creates a JSON string.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public JsonString {
    requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return JsonText.quote(value);
  }
}
