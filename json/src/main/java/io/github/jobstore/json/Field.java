package io.github.jobstore.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One field of a document type: its wire name and type, how to get it from a value and set it on a
 * builder, and, for a field the API writes and accepts as {@code null}, how to clear it.
 *
 * @param <T> the value type the field is read from
 * @param <B> the builder type it is set on
 * @param <V> the field's Java type
 */
final class Field<T, B, V> {

  private final String name;
  private final WireType<V> type;
  private final Function<T, Optional<V>> get;
  private final BiConsumer<B, V> set;
  private final @Nullable Consumer<B> clear;
  private final boolean requiredOnWire;

  private Field(
      String name,
      WireType<V> type,
      Function<T, Optional<V>> get,
      BiConsumer<B, V> set,
      @Nullable Consumer<B> clear,
      boolean requiredOnWire) {
    this.name = name;
    this.type = type;
    this.get = get;
    this.set = set;
    this.clear = clear;
    this.requiredOnWire = requiredOnWire;
  }

  /** A field every value has, such as {@code id}. */
  static <T, B, V> Field<T, B, V> required(
      String name, WireType<V> type, Function<T, V> get, BiConsumer<B, V> set) {
    return new Field<>(name, type, value -> Optional.of(get.apply(value)), set, null, false);
  }

  /** An optional field that the API leaves out when empty and never accepts as {@code null}. */
  static <T, B, V> Field<T, B, V> optional(
      String name, WireType<V> type, Function<T, Optional<V>> get, BiConsumer<B, V> set) {
    return new Field<>(name, type, get, set, null, false);
  }

  /**
   * A field that a complete request body must have although its Java type may leave it empty, such
   * as {@code job} of an iteration create ({@code appendIteration} names the job instead): a
   * document missing it is {@code This field is required.}; a partial one ({@code PATCH}) may leave
   * it out.
   */
  static <T, B, V> Field<T, B, V> requiredOnWire(
      String name, WireType<V> type, Function<T, Optional<V>> get, BiConsumer<B, V> set) {
    return new Field<>(name, type, get, set, null, true);
  }

  /** An optional field that the API writes as {@code null} when empty and accepts {@code null}. */
  static <T, B, V> Field<T, B, V> nullable(
      String name,
      WireType<V> type,
      Function<T, Optional<V>> get,
      BiConsumer<B, V> set,
      Consumer<B> clear) {
    return new Field<>(name, type, get, set, clear, false);
  }

  String name() {
    return name;
  }

  boolean nullable() {
    return clear != null;
  }

  /** Whether a complete request body must have the field, as {@code job} of an iteration create. */
  boolean requiredOnWire() {
    return requiredOnWire;
  }

  /**
   * Reads the field's non-null node onto {@code builder}, or reports why not to {@code problems}; a
   * value read from a request body is normalized as the API does (a string is stripped).
   */
  void read(JsonNode node, B builder, Problems problems, boolean fromRequest) {
    V value = type.read(node, problems, fromRequest);
    if (value != null) {
      set.accept(builder, value);
    }
  }

  /** Writes the field of {@code value}; when empty, {@code null} if {@code writesNull} allows. */
  void write(JsonGenerator out, T value, boolean writesNull) throws IOException {
    Optional<V> fieldValue = get.apply(value);
    if (fieldValue.isPresent()) {
      out.writeFieldName(name);
      type.write(out, fieldValue.get());
    } else if (writesNull && nullable()) {
      out.writeNullField(name);
    }
  }

  /**
   * Sets the field of {@code from} on {@code to}, clearing it there when {@code from}'s is empty.
   */
  void copy(T from, B to) {
    Optional<V> value = get.apply(from);
    if (value.isPresent()) {
      set.accept(to, value.get());
    } else if (clear != null) {
      clear.accept(to);
    }
  }
}
