package io.github.jobstore.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/** A JSON array: an immutable list of JSON values, equal by its elements in order. */
public final class JsonArray implements JsonValue {

  private static final JsonArray EMPTY = new JsonArray(Lists.immutable.empty(), 1);

  private final ImmutableList<JsonValue> elements;
  private final int depth;

  /** {@code depth} counts this array. */
  JsonArray(ImmutableList<JsonValue> elements, int depth) {
    this.elements = elements;
    this.depth = depth;
  }

  /** Returns the empty array. */
  public static JsonArray empty() {
    return EMPTY;
  }

  /**
   * Converts a list of plain Java values, as {@link JsonValue#of(Object)} does, copying it deeply.
   *
   * @throws IllegalArgumentException if an element cannot be converted, or the result would nest
   *     deeper than {@link JsonValue#MAX_DEPTH}
   */
  public static JsonArray of(List<?> elements) {
    return (JsonArray) JsonConversion.convert(requireNonNull(elements, "elements"));
  }

  /** Returns the elements, in order. */
  public ImmutableList<JsonValue> elements() {
    return elements;
  }

  @Override
  public int depth() {
    return depth;
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
