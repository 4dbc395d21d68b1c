package io.github.jobstore.core;

/** The JSON {@code null}. */
public enum JsonNull implements JsonValue {
  /** The one JSON null. */
  INSTANCE;

  @Override
  public String toString() {
    return "null";
  }
}
