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
 * converted are tracked by identity, so a map or list that contains itself is rejected instead of
 * overflowing the stack.
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
      return json;
    } else if (value instanceof String s) {
      return new JsonString(s);
    } else if (value instanceof Boolean b) {
      return JsonBoolean.of(b);
    } else if (value instanceof Number n) {
      return new JsonNumber(toBigDecimal(n));
    } else if (value instanceof Map<?, ?> map) {
      return enter(map) ? toObject(map) : cycle();
    } else if (value instanceof List<?> list) {
      return enter(list) ? toArray(list) : cycle();
    }
    throw new IllegalArgumentException(
        "Cannot convert a " + value.getClass().getName() + " to JSON");
  }

  private JsonObject toObject(Map<?, ?> map) {
    Map<String, JsonValue> members = new LinkedHashMap<>(map.size() * 2);
    map.forEach(
        (key, member) -> {
          if (!(key instanceof String name)) {
            throw new IllegalArgumentException("A JSON object key must be a string, not " + key);
          }
          members.put(name, toJson(member));
        });
    open.remove(map);
    return members.isEmpty() ? JsonObject.empty() : new JsonObject(members);
  }

  private JsonArray toArray(List<?> list) {
    MutableList<JsonValue> elements = Lists.mutable.withInitialCapacity(list.size());
    for (Object element : list) {
      elements.add(toJson(element));
    }
    open.remove(list);
    return elements.isEmpty() ? JsonArray.empty() : new JsonArray(elements.toImmutable());
  }

  private boolean enter(Object container) {
    return open.add(container);
  }

  private static JsonValue cycle() {
    throw new IllegalArgumentException("A map or list that contains itself cannot be JSON");
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
