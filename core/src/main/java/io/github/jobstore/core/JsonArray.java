package io.github.jobstore.core;

import java.util.List;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/** A JSON array: an immutable list of JSON values, equal by its elements in order. */
public final class JsonArray implements JsonValue {

  private static final JsonArray EMPTY = new JsonArray(Lists.immutable.empty());

  private final ImmutableList<JsonValue> elements;

  JsonArray(ImmutableList<JsonValue> elements) {
    this.elements = elements;
  }

  /** Returns the empty array. */
  public static JsonArray empty() {
    return EMPTY;
  }

  /**
   * Converts a list of plain Java values, as {@link JsonValue#of(Object)} does, copying it deeply.
   *
   * @throws IllegalArgumentException if an element cannot be converted
   */
  public static JsonArray of(List<?> elements) {
    return (JsonArray) JsonConversion.convert(elements);
  }

  /** Returns the elements, in order. */
  public ImmutableList<JsonValue> elements() {
    return elements;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JsonArray that && elements.equals(that.elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }

  @Override
  public String toString() {
    return elements.makeString("[", ",", "]");
  }
}
