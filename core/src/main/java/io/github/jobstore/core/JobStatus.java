package io.github.jobstore.core;

/**
 * Where a job is in its life: the API's {@code status}. The API has no state machine: any status
 * may follow any other.
 */
public enum JobStatus {
  /** {@code pending}: Pending, the default of a new job. */
  PENDING("pending", "Pending"),
  /** {@code running}: Running. */
  RUNNING("running", "Running"),
  /** {@code completed}: Completed. */
  COMPLETED("completed", "Completed"),
  /** {@code failed}: Failed. */
  FAILED("failed", "Failed"),
  /** {@code cancelled}: Cancelled. */
  CANCELLED("cancelled", "Cancelled");

  private final String wireValue;
  private final String label;

  JobStatus(String wireValue, String label) {
    this.wireValue = wireValue;
    this.label = label;
  }

  /** Returns the API's string for this value, for example {@code running}. */
  public String wireValue() {
    return wireValue;
  }

  /** Returns the API's display label, for example {@code Running}. */
  public String label() {
    return label;
  }

  /** True for {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELLED}: the job has ended. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /**
   * Returns the constant whose {@link #wireValue()} is exactly {@code wireValue}.
   *
   * @throws ValidationException on field {@code status}, {@code "x" is not a valid choice.}, for
   *     any other string
   */
  public static JobStatus fromWireValue(String wireValue) {
    return Choices.parse(values(), JobStatus::wireValue, "status", wireValue);
  }
}
