package io.github.jobstore.core;

/** Whether an iteration's candidate was kept: the API's iteration {@code status}. */
public enum IterationStatus {
  /** {@code keep}: Keep. */
  KEEP("keep", "Keep"),
  /** {@code discard}: Discard. */
  DISCARD("discard", "Discard");

  private final String wireValue;
  private final String label;

  IterationStatus(String wireValue, String label) {
    this.wireValue = wireValue;
    this.label = label;
  }

  /** Returns the API's string for this value, for example {@code keep}. */
  public String wireValue() {
    return wireValue;
  }

  /** Returns the API's display label, for example {@code Keep}. */
  public String label() {
    return label;
  }

  /**
   * Returns the constant whose {@link #wireValue()} is exactly {@code wireValue}.
   *
   * @throws ValidationException on field {@code status}, {@code "x" is not a valid choice.}, for
   *     any other string
   */
  public static IterationStatus fromWireValue(String wireValue) {
    return Choices.parse(values(), IterationStatus::wireValue, "status", wireValue);
  }
}
