package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobStatusTest {

  @Test
  void constantsAreTheApisFiveStatusesInSchemaOrder() {
    assertThat(JobStatus.values())
        .extracting(JobStatus::wireValue)
        .containsExactly("pending", "running", "completed", "failed", "cancelled");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "PENDING,   pending,   Pending",
    "RUNNING,   running,   Running",
    "COMPLETED, completed, Completed",
    "FAILED,    failed,    Failed",
    "CANCELLED, cancelled, Cancelled"
  })
  void wireValueAndLabelAreTheApis(JobStatus status, String wireValue, String label) {
    assertThat(status.wireValue()).isEqualTo(wireValue);
    assertThat(status.label()).isEqualTo(label);
  }

  @ParameterizedTest
  @EnumSource(JobStatus.class)
  void fromWireValueReturnsTheConstantOfItsWireValue(JobStatus status) {
    assertThat(JobStatus.fromWireValue(status.wireValue())).isSameAs(status);
  }

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"COMPLETED", "FAILED", "CANCELLED"})
  void endedStatusIsTerminal(JobStatus status) {
    assertThat(status.isTerminal()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"COMPLETED", "FAILED", "CANCELLED"},
      mode = EnumSource.Mode.EXCLUDE)
  void unendedStatusIsNotTerminal(JobStatus status) {
    assertThat(status.isTerminal()).isFalse();
  }

  @Test
  void unknownValueIsNotAValidChoice() {
    ValidationException e = rejected(() -> JobStatus.fromWireValue("x"));

    assertThat(e.violations())
        .containsExactly(new Violation("status", "\"x\" is not a valid choice."));
    assertThat(e)
        .hasMessageContaining("status")
        .hasMessageContaining("\"x\" is not a valid choice.");
  }

  /** Matching is exact: no case folding, no trimming, no constant names, no labels. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {"PENDING", "Pending", " pending", "pending ", "canceled", "CANCELLED", "done", ""})
  void nearMissIsNotAValidChoice(String value) {
    assertThat(rejected(() -> JobStatus.fromWireValue(value)).violations())
        .containsExactly(new Violation("status", '"' + value + "\" is not a valid choice."));
  }
}
