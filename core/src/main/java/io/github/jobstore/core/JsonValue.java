package io.github.jobstore.core;

import org.jspecify.annotations.Nullable;

/**
 * A JSON value, as held by {@code result}, {@code backtest_results} and {@code dimension_scores}.
 * Every kind is deeply immutable and equal by value; numbers are kept exactly as {@link
 * java.math.BigDecimal}s. {@link #toString()} renders compact JSON text.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /**
   * Converts a plain Java value: {@code null}, a {@link String}, {@link Number}, {@link Boolean},
   * {@link java.util.Map} with string keys, {@link java.util.List}, or a {@code JsonValue}, nested
   * to any depth. Maps and lists are copied deeply, so later changes to them are not seen.
   *
   * @throws IllegalArgumentException for any other type, a non-finite number, a map key that is not
   *     a string, or a map or list that contains itself
   */
  static JsonValue of(@Nullable Object value) {
    return JsonConversion.convert(value);
  }
}
