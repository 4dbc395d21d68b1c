package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link JsonValue#of(Object)}: converting plain Java scalars, and what it rejects. */
class JsonValueTest {

  @Test
  void nullBecomesJsonNull() {
    assertThat(JsonValue.of(null)).isSameAs(JsonNull.INSTANCE);
  }

  @Test
  void stringBecomesJsonStringExactly() {
    String text = " \u00a0caf\u00e9 \"quoted\"\n" + Fixtures.EMOJI;

    assertThat(JsonValue.of(text)).isEqualTo(new JsonString(text));
  }

  @Test
  void booleanBecomesJsonBoolean() {
    assertThat(JsonValue.of(true)).isSameAs(JsonBoolean.TRUE);
    assertThat(JsonValue.of(false)).isSameAs(JsonBoolean.FALSE);
  }

  @Test
  void jsonValueIsKeptAsIs() {
    JsonObject json = JsonObject.of(java.util.Map.of("a", 1));

    assertThat(JsonValue.of(json)).isSameAs(json);
  }

  static Stream<Arguments> exactNumbers() {
    return Stream.of(
        Arguments.of((byte) -128, new BigDecimal("-128")),
        Arguments.of((short) 32767, new BigDecimal("32767")),
        Arguments.of(Integer.MIN_VALUE, new BigDecimal("-2147483648")),
        Arguments.of(Long.MAX_VALUE, new BigDecimal("9223372036854775807")),
        Arguments.of(BigInteger.TWO.pow(100), new BigDecimal("1267650600228229401496703205376")),
        Arguments.of(
            new BigDecimal("3.14159265358979323846264338327950288419716939937510"),
            new BigDecimal("3.14159265358979323846264338327950288419716939937510")),
        Arguments.of(new BigDecimal("1.500"), new BigDecimal("1.500")),
        Arguments.of(0.1f, new BigDecimal("0.1")),
        Arguments.of(Float.MAX_VALUE, new BigDecimal("3.4028235E+38")),
        Arguments.of(0.1, new BigDecimal("0.1")),
        Arguments.of(-0.0, new BigDecimal("-0.0")),
        Arguments.of(new AtomicLong(42), new BigDecimal("42")));
  }

  /** Compared with {@link BigDecimal#equals}, which also requires the same scale. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("exactNumbers")
  void numberIsKeptExactly(Number number, BigDecimal expected) {
    JsonValue json = JsonValue.of(number);

    assertThat(json).isInstanceOf(JsonNumber.class);
    assertThat(((JsonNumber) json).value()).isEqualTo(expected);
  }

  static Stream<Arguments> nonFiniteNumbers() {
    return Stream.of(
        Arguments.of(Double.NaN, "NaN"),
        Arguments.of(Double.POSITIVE_INFINITY, "Infinity"),
        Arguments.of(Double.NEGATIVE_INFINITY, "-Infinity"),
        Arguments.of(Float.NaN, "NaN"),
        Arguments.of(Float.POSITIVE_INFINITY, "Infinity"),
        Arguments.of(Float.NEGATIVE_INFINITY, "-Infinity"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("nonFiniteNumbers")
  void nonFiniteDoubleOrFloatIsRejected(Number number, String shown) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonValue.of(number))
        .withMessage("A JSON number must be finite, not " + shown);
  }

  @Test
  void nonFiniteNumberOfAnotherNumberTypeIsRejected() {
    DoubleAdder adder = new DoubleAdder();
    adder.add(Double.NaN);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonValue.of(adder))
        .withMessage("Cannot convert the number NaN to JSON");
  }

  @SuppressWarnings("JavaUtilDate") // a type JSON conversion must reject
  static Stream<Arguments> unsupportedValues() {
    return Stream.of(
        Arguments.of(new Object(), "java.lang.Object"),
        Arguments.of(new Date(0), "java.util.Date"),
        Arguments.of('c', "java.lang.Character"),
        Arguments.of(new HashSet<>(), "java.util.HashSet"),
        Arguments.of(Optional.of(1), "java.util.Optional"),
        Arguments.of(new String[] {"a"}, "[Ljava.lang.String;"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unsupportedValues")
  void unsupportedTypeIsRejected(Object value, String className) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonValue.of(value))
        .withMessage("Cannot convert a " + className + " to JSON");
  }
}
