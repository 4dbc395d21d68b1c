package io.github.jobstore.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.JsonValue;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;
import org.jspecify.annotations.Nullable;

/**
 * How each kind of field reads and writes, with the API's (Django REST framework's) leniency and
 * wording: a string field takes a number as its text, a number field takes a numeric string, an
 * integer field takes {@code 5.0}; anything else is a violation, reported without echoing the
 * value.
 */
enum WireType {
  UUID_TEXT {
    @Override
    @Nullable Object read(JsonNode node, Problems problems) {
      UUID uuid = node.isTextual() ? Wire.parseUuid(node.textValue()) : null;
      return uuid != null ? uuid : problems.add(Violation::invalidUuid);
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeString(value.toString());
    }
  },
  INSTANT {
    @Override
    @Nullable Object read(JsonNode node, Problems problems) {
      Instant instant = node.isTextual() ? Wire.parseInstant(node.textValue()) : null;
      return instant != null ? instant : problems.add(Violation::invalidDateTime);
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeString(Wire.formatInstant((Instant) value));
    }
  },
  TEXT {
    @Override
    @Nullable Object read(JsonNode node, Problems problems) {
      if (node.isTextual()) {
        return node.textValue();
      } else if (node.isNumber()) {
        return node.asText();
      }
      return problems.add(Violation::notAString);
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeString((String) value);
    }
  },
  NUMBER {
    @Override
    @Nullable Object read(JsonNode node, Problems problems) {
      if (node instanceof JsonTrees.NegativeZero) {
        return -0.0;
      } else if (node.isDouble()) {
        return Double.isFinite(node.doubleValue())
            ? node.doubleValue()
            : problems.add(Violation::notANumber);
      }
      BigDecimal number = Wire.decimal(node, problems);
      if (number == null) {
        return null;
      }
      double value = number.doubleValue();
      return Double.isFinite(value) ? value : problems.add(Violation::notANumber);
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeNumber((Double) value);
    }
  },
  INTEGER {
    @Override
    @Nullable Object read(JsonNode node, Problems problems) {
      BigInteger integer = Wire.integer(node, problems);
      if (integer == null) {
        return null;
      } else if (integer.compareTo(Wire.LONG_MAX) > 0) {
        return problems.add(field -> Violation.atMost(field, Long.MAX_VALUE));
      } else if (integer.compareTo(Wire.LONG_MIN) < 0) {
        return problems.add(field -> Violation.atLeast(field, Long.MIN_VALUE));
      }
      return integer.longValue();
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeNumber((Long) value);
    }
  },
  OBJECT {
    @Override
    @Nullable Object read(JsonNode node, Problems problems) {
      if (!node.isObject()) {
        return problems.add(field -> Violation.notAnObject(field, Wire.pythonType(node)));
      }
      try {
        return Wire.toJsonValue(node);
      } catch (Wire.NonFiniteNumber e) {
        return problems.add(Violation::invalidJson);
      } catch (IllegalArgumentException e) {
        return problems.add(field -> Violation.tooDeep(field, JsonValue.MAX_DEPTH));
      }
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      Wire.writeJsonValue(out, (JsonObject) value);
    }
  },
  JOB_TYPE(JobType::fromWireValue, value -> ((JobType) value).wireValue()),
  JOB_STATUS(JobStatus::fromWireValue, value -> ((JobStatus) value).wireValue()),
  ITERATION_STATUS(IterationStatus::fromWireValue, value -> ((IterationStatus) value).wireValue()),
  ITERATIONS {
    @Override
    @Nullable Object read(JsonNode node, Problems problems) {
      if (!node.isArray()) {
        return problems.add(field -> Violation.notAList(field, Wire.pythonType(node)));
      }
      MutableList<Iteration> iterations = Lists.mutable.withInitialCapacity(node.size());
      for (int i = 0; i < node.size(); i++) {
        try {
          iterations.add(Documents.ITERATION.read(node.get(i)));
        } catch (ValidationException e) {
          problems.addNested("[" + i + "].", e);
        }
      }
      return problems.clean() ? iterations.toImmutable() : null;
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeStartArray();
      for (Object iteration : (ImmutableList<?>) value) {
        Documents.ITERATION.write(out, (Iteration) iteration);
      }
      out.writeEndArray();
    }
  };

  /** For an enum: its parser and its wire value; null for every other type. */
  private final @Nullable Function<String, ?> fromWireValue;

  private final @Nullable Function<Object, String> toWireValue;

  WireType() {
    this(null, null);
  }

  WireType(
      @Nullable Function<String, ?> fromWireValue, @Nullable Function<Object, String> toWireValue) {
    this.fromWireValue = fromWireValue;
    this.toWireValue = toWireValue;
  }

  /**
   * Reads the value of a non-null node, or reports why not to {@code problems} and returns null.
   * Enums read here; every other type overrides it.
   */
  @Nullable Object read(JsonNode node, Problems problems) {
    return choice(node, problems, requireNonNull(fromWireValue, name()));
  }

  /** Writes a value; enums write here, every other type overrides it. */
  void write(JsonGenerator out, Object value) throws IOException {
    out.writeString(requireNonNull(toWireValue, name()).apply(value));
  }

  private static @Nullable Object choice(
      JsonNode node, Problems problems, Function<String, ?> fromWireValue) {
    String text = node.isTextual() ? node.textValue() : Wire.pythonText(node);
    try {
      return fromWireValue.apply(text);
    } catch (ValidationException e) {
      Violation violation = e.violations().getFirst();
      return problems.add(field -> new Violation(field, violation.message()));
    }
  }
}
