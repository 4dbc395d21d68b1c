package io.github.jobstore.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.core.JsonArray;
import io.github.jobstore.core.JsonBoolean;
import io.github.jobstore.core.JsonNull;
import io.github.jobstore.core.JsonNumber;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.JsonString;
import io.github.jobstore.core.JsonValue;
import io.github.jobstore.core.PythonText;
import io.github.jobstore.core.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The API's scalar formats, and JSON values between Jackson's tree and jobstore's. */
final class Wire {

  static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  /** Python's {@code repr} of a float switches to an exponent from 1e16 on. */
  private static final BigDecimal PLAIN_FLOAT_LIMIT = new BigDecimal("1e16");

  /** The first and last instants whose UTC date-times {@link #parseInstant} reads. */
  private static final Instant FIRST_INSTANT = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);

  private static final Instant LAST_INSTANT = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

  /** Django REST framework's limit on a string given for a number. */
  private static final int MAX_NUMBER_STRING = 1000;

  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern TRAILING_ZERO_DECIMALS = Pattern.compile("\\.0*$");

  private Wire() {}

  /**
   * Any ISO-8601 date-time with an offset ({@code Z}, {@code +02:00}) whose UTC date-time has a
   * year {@link #formatInstant} can write and this method read back (±999,999,999): an offset may
   * carry a date-time at the edge of that range beyond it, and such an instant would be written as
   * a document this codec rejects.
   */
  static @Nullable Instant parseInstant(String text) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
    return instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT) ? null : instant;
  }

  /**
   * UTC with {@code Z}, and as many digits of fraction as the instant needs, in groups of three:
   * {@code .117Z}, {@code .123456Z} (the microseconds the API keeps), {@code .123456789Z}.
   */
  static String formatInstant(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** A number, or a string that holds one; otherwise a violation. */
  static @Nullable BigDecimal decimal(JsonNode node, Problems problems) {
    if (node.isNumber()) {
      return node.decimalValue();
    } else if (node.isTextual()) {
      if (node.textValue().length() > MAX_NUMBER_STRING) {
        problems.add(Violation::stringTooLarge);
        return null;
      }
      try {
        return new BigDecimal(PythonText.strip(node.textValue()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problems.add(Violation::notANumber);
    return null;
  }

  /**
   * An integer as Django REST framework reads one: an integer, a float with no fraction that Python
   * prints without an exponent ({@code 5.0}), or a string of digits ({@code "5"}, {@code "5.00"});
   * otherwise a violation.
   */
  static @Nullable BigInteger integer(JsonNode node, Problems problems) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    } else if (node.isNumber() && !(node.isDouble() && !Double.isFinite(node.doubleValue()))) {
      BigDecimal value = node.decimalValue();
      if (value.abs().compareTo(PLAIN_FLOAT_LIMIT) < 0 && value.stripTrailingZeros().scale() <= 0) {
        return value.toBigIntegerExact();
      }
    } else if (node.isTextual()) {
      if (node.textValue().length() > MAX_NUMBER_STRING) {
        problems.add(Violation::stringTooLarge);
        return null;
      }
      String text =
          TRAILING_ZERO_DECIMALS.matcher(PythonText.strip(node.textValue())).replaceFirst("");
      if (INTEGER_TEXT.matcher(text).matches()) {
        return new BigInteger(text);
      }
    }
    problems.add(Violation::notAnInteger);
    return null;
  }

  /** Python's name for the type of a JSON value, as the API's messages use it. */
  static String pythonType(JsonNode node) {
    if (node.isObject()) {
      return "dict";
    } else if (node.isArray()) {
      return "list";
    } else if (node.isTextual()) {
      return "str";
    } else if (node.isBoolean()) {
      return "bool";
    } else if (node.isIntegralNumber()) {
      return "int";
    } else if (node.isNumber()) {
      return "float";
    }
    return "NoneType";
  }

  /** Python's {@code str()} of a non-string JSON value, as the API quotes rejected choices. */
  static String pythonText(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue() ? "True" : "False";
    }
    return node.isNumber() ? node.asText() : node.toString();
  }

  /**
   * Converts a Jackson tree to a JSON value.
   *
   * @throws NonFiniteNumber where the tree holds {@code NaN} or an infinity, which JSON cannot
   */
  static JsonValue toJsonValue(JsonNode node) {
    if (node.isObject()) {
      return toJsonObject(node);
    } else if (node.isArray()) {
      List<JsonValue> elements = new ArrayList<>(node.size());
      node.forEach(element -> elements.add(toJsonValue(element)));
      return JsonArray.of(elements);
    } else if (node.isTextual()) {
      return new JsonString(node.textValue());
    } else if (node.isNumber()) {
      if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
        throw new NonFiniteNumber();
      }
      return new JsonNumber(node.decimalValue());
    } else if (node.isBoolean()) {
      return JsonBoolean.of(node.booleanValue());
    }
    return JsonNull.INSTANCE;
  }

  /**
   * Converts a Jackson object node to a JSON object.
   *
   * @throws NonFiniteNumber where the tree holds {@code NaN} or an infinity, which JSON cannot
   */
  static JsonObject toJsonObject(JsonNode node) {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> members.put(e.getKey(), toJsonValue(e.getValue())));
    return JsonObject.of(members);
  }

  static void writeJsonValue(JsonGenerator out, JsonValue value) throws IOException {
    if (value instanceof JsonObject object) {
      out.writeStartObject();
      for (String key : object.keys()) {
        out.writeFieldName(key);
        writeJsonValue(out, object.get(key).orElseThrow());
      }
      out.writeEndObject();
    } else if (value instanceof JsonArray array) {
      out.writeStartArray();
      for (JsonValue element : array.elements()) {
        writeJsonValue(out, element);
      }
      out.writeEndArray();
    } else if (value instanceof JsonString string) {
      out.writeString(string.value());
    } else if (value instanceof JsonNumber number) {
      out.writeNumber(number.value());
    } else if (value instanceof JsonBoolean bool) {
      out.writeBoolean(bool.value());
    } else {
      out.writeNull();
    }
  }

  /** A {@code NaN} or infinity inside a JSON object: not valid JSON, though Python parses it. */
  static final class NonFiniteNumber extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NonFiniteNumber() {
      super(null, null, false, false);
    }
  }
}
