package io.github.jobstore.core;

import static io.github.jobstore.core.Fixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobTypeTest {

  @Test
  void constantsAreTheApisFiveJobTypesInSchemaOrder() {
    assertThat(JobType.values())
        .extracting(JobType::wireValue)
        .containsExactly(
            "inference",
            "uploaded_outputs_setup",
            "judge_scoring",
            "prompt_tuning",
            "model_backtesting");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "INFERENCE,              inference,              Inference",
    "UPLOADED_OUTPUTS_SETUP, uploaded_outputs_setup, Uploaded Outputs Setup",
    "JUDGE_SCORING,          judge_scoring,          Judge Scoring",
    "PROMPT_TUNING,          prompt_tuning,          Prompt Tuning",
    "MODEL_BACKTESTING,      model_backtesting,      Model Backtesting"
  })
  void wireValueAndLabelAreTheApis(JobType type, String wireValue, String label) {
    assertThat(type.wireValue()).isEqualTo(wireValue);
    assertThat(type.label()).isEqualTo(label);
  }

  @ParameterizedTest
  @EnumSource(JobType.class)
  void fromWireValueReturnsTheConstantOfItsWireValue(JobType type) {
    assertThat(JobType.fromWireValue(type.wireValue())).isSameAs(type);
  }

  @Test
  void unknownValueIsNotAValidChoice() {
    ValidationException e = rejected(() -> JobType.fromWireValue("x"));

    assertThat(e.violations())
        .containsExactly(new Violation("job_type", "\"x\" is not a valid choice."));
    assertThat(e)
        .hasMessageContaining("job_type")
        .hasMessageContaining("\"x\" is not a valid choice.");
  }

  /** Matching is exact: no case folding, no trimming, no constant names, no labels. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "INFERENCE",
        "Inference",
        " inference",
        "inference ",
        "inference\n",
        "PROMPT_TUNING",
        "Prompt Tuning",
        "prompt-tuning",
        ""
      })
  void nearMissIsNotAValidChoice(String value) {
    assertThat(rejected(() -> JobType.fromWireValue(value)).violations())
        .containsExactly(new Violation("job_type", '"' + value + "\" is not a valid choice."));
  }
}
