package io.github.jobstore.json;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One field of a document type: its wire name and type, whether the API writes and accepts {@code
 * null} for it, and how to get it from a value and set it on a builder.
 *
 * @param <T> the value type
 * @param <B> its builder
 */
record Field<T, B>(
    String name,
    WireType type,
    boolean nullable,
    Function<T, @Nullable Object> get,
    BiConsumer<B, Object> set) {

  static <T, B> Field<T, B> of(
      String name, WireType type, Function<T, @Nullable Object> get, BiConsumer<B, Object> set) {
    return new Field<>(name, type, false, get, set);
  }

  static <T, B> Field<T, B> nullable(
      String name, WireType type, Function<T, @Nullable Object> get, BiConsumer<B, Object> set) {
    return new Field<>(name, type, true, get, set);
  }
}
