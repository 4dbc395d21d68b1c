package io.github.jobstore.core;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A JSON number, kept exactly. Two numbers are equal when their values are, whatever their scale:
 * {@code 1}, {@code 1.0} and {@code 1E+0} are one number. {@link #value()} keeps the scale it was
 * given.
 *
 * @param value the number
 */
public record JsonNumber(BigDecimal value) implements JsonValue {

  /**
   * Creates a JSON number.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public JsonNumber {
    requireNonNull(value, "value");
  }

  /** Returns the JSON number for a {@code long}. */
  public static JsonNumber of(long value) {
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  /**
   * Returns the JSON number for a {@code double}, as its shortest decimal form ({@code 0.1} stays
   * {@code 0.1}).
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static JsonNumber of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("A JSON number must be finite, not " + value);
    }
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JsonNumber that && value.compareTo(that.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
