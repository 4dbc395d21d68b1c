package io.github.jobstore.testkit;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An input that breaks exactly one constraint: a valid value with one field set to an offending
 * value (or left unset), and the violation the API reports for it.
 *
 * @param <T> the type of value the input fails to build
 */
public final class Invalid<T> {

  private final T base;
  private final Violation expected;
  private final @Nullable Object value;
  private final Supplier<T> attempt;

  Invalid(T base, Violation expected, @Nullable Object value, Supplier<T> attempt) {
    this.base = requireNonNull(base, "base");
    this.expected = requireNonNull(expected, "expected");
    this.value = value;
    this.attempt = requireNonNull(attempt, "attempt");
  }

  /** Returns the valid value this input was made from, before its one field was broken. */
  public T base() {
    return base;
  }

  /** Returns the wire name of the broken field, for example {@code analyzer_model}. */
  public String field() {
    return expected.field();
  }

  /**
   * Returns the offending value: a {@code String} too long or blank, a non-finite {@code Double},
   * or empty when the input leaves a required field unset.
   */
  public Optional<Object> value() {
    return Optional.ofNullable(value);
  }

  /** Returns the one violation the API reports for this input. */
  public Violation expected() {
    return expected;
  }

  /**
   * Builds the input. With a correct jobstore this never returns: it throws a {@link
   * ValidationException} whose only violation is {@link #expected()}.
   */
  public T build() {
    return attempt.get();
  }

  /** Describes the case without echoing a long string: its length in code points stands in. */
  @Override
  public String toString() {
    String shown;
    if (value instanceof String s) {
      shown = "a string of " + s.codePointCount(0, s.length()) + " code points";
    } else {
      shown = String.valueOf(value);
    }
    return "Invalid["
        + expected.field()
        + " = "
        + shown
        + ", expecting: "
        + expected.message()
        + "]";
  }
}
