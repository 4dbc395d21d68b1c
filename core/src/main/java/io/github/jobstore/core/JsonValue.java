package io.github.jobstore.core;

import org.jspecify.annotations.Nullable;

/**
 * A JSON value, as held by {@code result}, {@code backtest_results} and {@code dimension_scores}.
 * Every kind is deeply immutable and equal by value; numbers are kept exactly as {@link
 * java.math.BigDecimal}s. {@code toString()} renders compact JSON text.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /**
   * How deep a value may nest: an object or array holding only scalars is 1 deep. The limit keeps
   * every value writable and readable by the wire format, and every recursion over it shallow.
   */
  int MAX_DEPTH = 500;

  /** Returns how deep this value nests: 0 for a scalar, 1 more than its deepest member if not. */
  default int depth() {
    return 0;
  }

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
