package io.github.jobstore.core;

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

  private static final JsonObject EMPTY = new JsonObject(Map.of());

  // Not an ImmutableOrderedMap: Eclipse Collections' adapter lets Map.replaceAll and
  // Entry.setValue through to its delegate.
  private final ImmutableMap<String, JsonValue> members;
  private final ImmutableList<String> keys;

  /** Copies {@code members}, keeping the iteration order of its keys. */
  JsonObject(Map<String, JsonValue> members) {
    this.members = Maps.immutable.ofMap(members);
    this.keys = Lists.immutable.withAll(members.keySet());
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

  /** Returns the members; iterating it follows no particular order (see {@link #keys()}). */
  public ImmutableMap<String, JsonValue> members() {
    return members;
  }

  /** Returns the keys, in the order they were given. */
  public ImmutableList<String> keys() {
    return keys;
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
    return keys.collect(key -> JsonText.quote(key) + ':' + members.get(key))
        .makeString("{", ",", "}");
  }
}
