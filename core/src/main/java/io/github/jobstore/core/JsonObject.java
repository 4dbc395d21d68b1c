package io.github.jobstore.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.collections.api.map.ImmutableOrderedMap;
import org.eclipse.collections.impl.map.ordered.immutable.ImmutableOrderedMapAdapter;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object: string keys to JSON values. It keeps its keys in the order they were given, but
 * equality and hash code ignore that order, as JSON's do.
 */
public final class JsonObject implements JsonValue {

  private static final JsonObject EMPTY = new JsonObject(new LinkedHashMap<>());

  private final ImmutableOrderedMap<String, JsonValue> members;

  /** Takes ownership of {@code members}, which no one else may hold. */
  JsonObject(LinkedHashMap<String, JsonValue> members) {
    this.members = new ImmutableOrderedMapAdapter<>(members);
  }

  /** Returns the empty object, {@code {}}. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /**
   * Converts a map of plain Java values, as {@link JsonValue#of(Object)} does, copying it deeply.
   *
   * @throws IllegalArgumentException if a key is not a string or a value cannot be converted
   */
  public static JsonObject of(Map<String, ?> members) {
    return (JsonObject) JsonConversion.convert(members);
  }

  /** Returns the members, in the order they were given. */
  public ImmutableOrderedMap<String, JsonValue> members() {
    return members;
  }

  /** Returns the value of {@code key}, or empty when the object has no such key. */
  public Optional<JsonValue> get(String key) {
    return Optional.ofNullable(members.get(key));
  }

  /** Returns the number of members. */
  public int size() {
    return members.size();
  }

  /** True when the object has no members. */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JsonObject that && members.equals(that.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder json = new StringBuilder("{");
    members.forEachKeyValue(
        (key, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append(JsonText.quote(key)).append(':').append(value);
        });
    return json.append('}').toString();
  }
}
