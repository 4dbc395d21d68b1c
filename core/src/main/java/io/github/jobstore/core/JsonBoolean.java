package io.github.jobstore.core;

/** A JSON {@code true} or {@code false}. */
public enum JsonBoolean implements JsonValue {
  /** JSON {@code true}. */
  TRUE,
  /** JSON {@code false}. */
  FALSE;

  /** Returns {@link #TRUE} or {@link #FALSE}. */
  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** Returns this value as a Java boolean. */
  public boolean value() {
    return this == TRUE;
  }

  @Override
  public String toString() {
    return this == TRUE ? "true" : "false";
  }
}
