package io.github.jobstore.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.MutableList;
import org.jspecify.annotations.Nullable;

/**
 * Converts plain Java values to {@link JsonValue}s, copying maps and lists deeply. Containers being
 * converted are tracked by identity, so a map or list that contains itself, or nesting past {@link
 * JsonValue#MAX_DEPTH}, is rejected instead of overflowing the stack.
 */
final class JsonConversion {

  private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());

  private JsonConversion() {}

  static JsonValue convert(@Nullable Object value) {
    return new JsonConversion().toJson(value);
  }

  private JsonValue toJson(@Nullable Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    } else if (value instanceof JsonValue json) {
      return checked(json);
    } else if (value instanceof String s) {
      return new JsonString(s);
    } else if (value instanceof Boolean b) {
      return JsonBoolean.of(b);
    } else if (value instanceof Number n) {
      return new JsonNumber(toBigDecimal(n));
    } else if (value instanceof Map<?, ?> map) {
      enter(map);
      return checked(toObject(map));
    } else if (value instanceof List<?> list) {
      enter(list);
      return checked(toArray(list));
    }
    throw new IllegalArgumentException(
        "Cannot convert a " + value.getClass().getName() + " to JSON");
  }

  private JsonObject toObject(Map<?, ?> map) {
    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>(map.size() * 2);
    int deepest = 0;
    for (Map.Entry<?, ?> member : map.entrySet()) {
      if (!(member.getKey() instanceof String name)) {
        throw new IllegalArgumentException(
            "A JSON object key must be a string, not " + member.getKey());
      }
      JsonValue value = toJson(member.getValue());
      deepest = Math.max(deepest, value.depth());
      members.put(name, value);
    }
    open.remove(map);
    return members.isEmpty() ? JsonObject.empty() : new JsonObject(members, deepest + 1);
  }

  private JsonArray toArray(List<?> list) {
    MutableList<JsonValue> elements = Lists.mutable.withInitialCapacity(list.size());
    int deepest = 0;
    for (Object element : list) {
      JsonValue value = toJson(element);
      deepest = Math.max(deepest, value.depth());
      elements.add(value);
    }
    open.remove(list);
    return elements.isEmpty()
        ? JsonArray.empty()
        : new JsonArray(elements.toImmutable(), deepest + 1);
  }

  /**
   * Tracks {@code container} as being converted: a second entry is a cycle, and more than {@link
   * JsonValue#MAX_DEPTH} open at once is too deep; both fail before the stack can overflow.
   */
  private void enter(Object container) {
    if (!open.add(container)) {
      throw new IllegalArgumentException("A map or list that contains itself cannot be JSON");
    }
    if (open.size() > JsonValue.MAX_DEPTH) {
      throw tooDeep();
    }
  }

  private static JsonValue checked(JsonValue value) {
    if (value.depth() > JsonValue.MAX_DEPTH) {
      throw tooDeep();
    }
    return value;
  }

  private static IllegalArgumentException tooDeep() {
    return new IllegalArgumentException(
        "JSON may nest at most " + JsonValue.MAX_DEPTH + " levels deep");
  }

  private static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    } else if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (n instanceof Long
        || n instanceof Integer
        || n instanceof Short
        || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    } else if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("A JSON number must be finite, not " + d);
      }
      // Float's own shortest form, so 0.1f stays 0.1 rather than 0.100000001490116...
      return new BigDecimal(n instanceof Float ? n.toString() : Double.toString(d));
    }
    try {
      return new BigDecimal(n.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cannot convert the number " + n + " to JSON", e);
    }
  }
}
