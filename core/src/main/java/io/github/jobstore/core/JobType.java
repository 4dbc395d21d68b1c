package io.github.jobstore.core;

/** The kind of work a job does: the API's {@code job_type}. */
public enum JobType {
  /** {@code inference}: Inference. */
  INFERENCE("inference", "Inference"),
  /** {@code uploaded_outputs_setup}: Uploaded Outputs Setup. */
  UPLOADED_OUTPUTS_SETUP("uploaded_outputs_setup", "Uploaded Outputs Setup"),
  /** {@code judge_scoring}: Judge Scoring. */
  JUDGE_SCORING("judge_scoring", "Judge Scoring"),
  /** {@code prompt_tuning}: Prompt Tuning. */
  PROMPT_TUNING("prompt_tuning", "Prompt Tuning"),
  /** {@code model_backtesting}: Model Backtesting. */
  MODEL_BACKTESTING("model_backtesting", "Model Backtesting");

  private final String wireValue;
  private final String label;

  JobType(String wireValue, String label) {
    this.wireValue = wireValue;
    this.label = label;
  }

  /** Returns the API's string for this value, for example {@code prompt_tuning}. */
  public String wireValue() {
    return wireValue;
  }

  /** Returns the API's display label, for example {@code Prompt Tuning}. */
  public String label() {
    return label;
  }

  /**
   * Returns the constant whose {@link #wireValue()} is exactly {@code wireValue}.
   *
   * @throws ValidationException on field {@code job_type}, {@code "x" is not a valid choice.}, for
   *     any other string
   */
  public static JobType fromWireValue(String wireValue) {
    return Choices.parse(values(), JobType::wireValue, "job_type", wireValue);
  }
}
