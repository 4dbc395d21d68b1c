package io.github.jobstore.hazelcast;

import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import io.github.jobstore.core.JsonArray;
import io.github.jobstore.core.JsonBoolean;
import io.github.jobstore.core.JsonNull;
import io.github.jobstore.core.JsonNumber;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.JsonString;
import io.github.jobstore.core.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JsonValue} as a compact record of type {@value #TYPE}, nested as the value is: a kind, a
 * string or a decimal for a scalar, keys and values for an object, values for an array. Exact
 * (numbers stay {@link java.math.BigDecimal}s, keys keep their order) and readable by any member,
 * with no class of ours on its class path and no JSON text parser on ours. Every record of the type
 * sets every field, so the cluster keeps one schema for it.
 */
final class JsonRecords {

  static final String TYPE = "jobstore.Json";

  private static final byte NULL = 0;
  private static final byte FALSE = 1;
  private static final byte TRUE = 2;
  private static final byte NUMBER = 3;
  private static final byte STRING = 4;
  private static final byte ARRAY = 5;
  private static final byte OBJECT = 6;

  private JsonRecords() {}

  static @Nullable GenericRecord write(@Nullable JsonValue value) {
    return value == null ? null : record(value);
  }

  static @Nullable JsonValue read(@Nullable GenericRecord record) {
    return record == null ? null : value(record);
  }

  private static GenericRecord record(JsonValue value) {
    GenericRecordBuilder builder = GenericRecordBuilder.compact(TYPE);
    byte kind = NULL;
    String string = null;
    java.math.BigDecimal number = null;
    String[] keys = null;
    GenericRecord[] values = null;
    if (value instanceof JsonBoolean bool) {
      kind = bool.value() ? TRUE : FALSE;
    } else if (value instanceof JsonNumber json) {
      kind = NUMBER;
      number = json.value();
    } else if (value instanceof JsonString json) {
      kind = STRING;
      string = json.value();
    } else if (value instanceof JsonArray array) {
      kind = ARRAY;
      values = array.elements().collect(JsonRecords::record).toArray(new GenericRecord[0]);
    } else if (value instanceof JsonObject object) {
      kind = OBJECT;
      keys = object.keys().toArray(new String[0]);
      values = new GenericRecord[keys.length];
      for (int i = 0; i < keys.length; i++) {
        values[i] = record(object.get(keys[i]).orElseThrow());
      }
    }
    return builder
        .setInt8("kind", kind)
        .setString("string", string)
        .setDecimal("number", number)
        .setArrayOfString("keys", keys)
        .setArrayOfGenericRecord("values", values)
        .build();
  }

  private static JsonValue value(GenericRecord record) {
    byte kind = record.getInt8("kind");
    switch (kind) {
      case NULL:
        return JsonNull.INSTANCE;
      case FALSE:
        return JsonBoolean.of(false);
      case TRUE:
        return JsonBoolean.of(true);
      case NUMBER:
        return new JsonNumber(record.getDecimal("number"));
      case STRING:
        return new JsonString(record.getString("string"));
      case ARRAY:
        {
          GenericRecord[] values = record.getArrayOfGenericRecord("values");
          List<JsonValue> elements = new ArrayList<>(values.length);
          for (GenericRecord element : values) {
            elements.add(value(element));
          }
          return JsonArray.of(elements);
        }
      case OBJECT:
        {
          String[] keys = record.getArrayOfString("keys");
          GenericRecord[] values = record.getArrayOfGenericRecord("values");
          Map<String, JsonValue> members = new LinkedHashMap<>();
          for (int i = 0; i < keys.length; i++) {
            members.put(keys[i], value(values[i]));
          }
          return JsonObject.of(members);
        }
      default:
        throw new IllegalStateException("Unknown kind of JSON value in a record: " + kind);
    }
  }
}
