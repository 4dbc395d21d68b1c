package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IterationStatusTest {

  @Test
  void constantsAreKeepAndDiscard() {
    assertThat(IterationStatus.values())
        .extracting(IterationStatus::wireValue)
        .containsExactly("keep", "discard");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"KEEP, keep, Keep", "DISCARD, discard, Discard"})
  void wireValueAndLabelAreTheApis(IterationStatus status, String wireValue, String label) {
    assertThat(status.wireValue()).isEqualTo(wireValue);
    assertThat(status.label()).isEqualTo(label);
  }

  @ParameterizedTest
  @EnumSource(IterationStatus.class)
  void fromWireValueReturnsTheConstantOfItsWireValue(IterationStatus status) {
    assertThat(IterationStatus.fromWireValue(status.wireValue())).isSameAs(status);
  }

  @Test
  void unknownValueIsNotAValidChoice() {
    ValidationException e = rejected(() -> IterationStatus.fromWireValue("x"));

    assertThat(e.violations())
        .containsExactly(new Violation("status", "\"x\" is not a valid choice."));
    assertThat(e)
        .hasMessageContaining("status")
        .hasMessageContaining("\"x\" is not a valid choice.");
  }

  /** Matching is exact: no case folding, no trimming, no constant names, no labels. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"KEEP", "Keep", " keep", "keep ", "kept", "pending", ""})
  void nearMissIsNotAValidChoice(String value) {
    assertThat(rejected(() -> IterationStatus.fromWireValue(value)).violations())
        .containsExactly(new Violation("status", '"' + value + "\" is not a valid choice."));
  }
}
