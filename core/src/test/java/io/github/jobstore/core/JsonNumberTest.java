package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonNumber}: kept exactly, equal by value whatever the scale. */
class JsonNumberTest {

  private static JsonNumber number(String decimal) {
    return new JsonNumber(new BigDecimal(decimal));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "1, 1.0",
    "1, 1E+0",
    "1.0, 1E+0",
    "1, 1.000",
    "10, 1E+1",
    "100, 1.00E+2",
    "-2.5, -2.50",
    "0, 0.0",
    "0, 0E+5",
    "0, -0.000",
    "0.001, 1E-3"
  })
  void numbersOfEqualValueAreEqualWithEqualHashCodes(String left, String right) {
    assertThat(number(left)).isEqualTo(number(right)).hasSameHashCodeAs(number(right));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({"1, 1.0000000000000000000001", "1, -1", "10, 1", "0.1, 0.10000000000000001"})
  void numbersOfDifferentValueAreNotEqual(String left, String right) {
    assertThat(number(left)).isNotEqualTo(number(right));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.0", "1E+0", "1.50", "-0.000", "123456789012345678901234567890.1"})
  void valueKeepsTheGivenScale(String decimal) {
    JsonNumber json = number(decimal);

    assertThat(json.value()).isEqualTo(new BigDecimal(decimal));
    assertThat(json.value().scale()).isEqualTo(new BigDecimal(decimal).scale());
  }

  @Test
  void ofLongIsExact() {
    assertThat(JsonNumber.of(Long.MIN_VALUE).value()).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE));
  }

  @Test
  void ofDoubleIsTheShortestDecimalForm() {
    assertThat(JsonNumber.of(0.1).value()).isEqualTo(new BigDecimal("0.1"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void ofNonFiniteDoubleIsRejected(double value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonNumber.of(value))
        .withMessage("A JSON number must be finite, not " + value);
  }

  @Test
  void ofExtremeFiniteDoublesIsExact() {
    assertThat(JsonNumber.of(Double.MAX_VALUE).value())
        .isEqualTo(new BigDecimal("1.7976931348623157E+308"));
    assertThat(JsonNumber.of(Double.MIN_VALUE).value()).isEqualTo(new BigDecimal("4.9E-324"));
  }

  /**
   * Any constant would keep equals and hashCode consistent, but a hash map keyed by numbers would
   * then scan one bucket on every lookup: different small numbers, zero and multiples of ten
   * included, get different hash codes.
   */
  @Test
  void differentNumbersHaveDifferentHashCodes() {
    assertThat(IntStream.rangeClosed(-50, 50).map(n -> JsonNumber.of(n).hashCode()).distinct())
        .hasSize(101);
  }
}
