package io.github.jobstore.core;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.factory.Maps;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.map.ImmutableMap;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object: string keys to JSON values. It remembers the order its keys were given in ({@link
 * #keys()}, used by {@link #toString()}), but equality and hash code ignore that order, as JSON's
 * do.
 */
public final class JsonObject implements JsonValue {

  private static final JsonObject EMPTY = new JsonObject(new LinkedHashMap<>(), 1);

  /**
   * A JDK map, not an Eclipse Collections one: its hash bins turn into trees when keys collide, so
   * a document full of colliding keys costs O(n log n), not O(n²). Unmodifiable and never shared.
   */
  private final Map<String, JsonValue> members;

  private final int depth;

  /** Takes {@code members}, which no one else holds; {@code depth} counts this object. */
  JsonObject(LinkedHashMap<String, JsonValue> members, int depth) {
    this.members = Collections.unmodifiableMap(members);
    this.depth = depth;
  }

  /** Returns the empty object, {@code {}}. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /**
   * Converts a map of plain Java values, as {@link JsonValue#of(Object)} does, copying it deeply.
   *
   * @throws IllegalArgumentException if a key is not a string, a value cannot be converted, or the
   *     result would nest deeper than {@link JsonValue#MAX_DEPTH}
   */
  public static JsonObject of(Map<String, ?> members) {
    return (JsonObject) JsonConversion.convert(requireNonNull(members, "members"));
  }

  /** Returns the members, as an immutable map in no particular order (see {@link #keys()}). */
  public ImmutableMap<String, JsonValue> members() {
    return Maps.immutable.ofMap(members);
  }

  /** Returns the keys, in the order they were given. */
  public ImmutableList<String> keys() {
    return Lists.immutable.withAll(members.keySet());
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
  public int depth() {
    return depth;
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
    members.forEach(
        (key, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append(JsonText.quote(key)).append(':').append(value);
        });
    return json.append('}').toString();
  }
}
