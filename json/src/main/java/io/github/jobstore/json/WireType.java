package io.github.jobstore.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.JsonValue;
import io.github.jobstore.core.PythonText;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;
import org.jspecify.annotations.Nullable;

/**
 * How one kind of field reads and writes, with the API's (Django REST framework's) leniency and
 * wording: a string field takes a number as its text, a number field takes a numeric string, an
 * integer field takes {@code 5.0}; anything else is a violation, reported without echoing the
 * value.
 *
 * @param <V> the Java type of the field's value
 */
final class WireType<V> {

  static final WireType<UUID> UUID_TEXT =
      new WireType<>(WireType::readUuid, (out, value) -> out.writeString(value.toString()));
  static final WireType<Instant> INSTANT =
      new WireType<>(
          WireType::readInstant, (out, value) -> out.writeString(Wire.formatInstant(value)));

  /** A string; one read from a request is stripped, as DRF's {@code CharField} strips it. */
  static final WireType<String> TEXT =
      new WireType<>(WireType::readText, PythonText::strip, JsonGenerator::writeString);

  static final WireType<Double> NUMBER =
      new WireType<>(WireType::readNumber, JsonGenerator::writeNumber);
  static final WireType<Long> INTEGER =
      new WireType<>(WireType::readInteger, JsonGenerator::writeNumber);
  static final WireType<JsonObject> OBJECT =
      new WireType<>(WireType::readObject, Wire::writeJsonValue);
  static final WireType<JobType> JOB_TYPE = choice(JobType::fromWireValue, JobType::wireValue);
  static final WireType<JobStatus> JOB_STATUS =
      choice(JobStatus::fromWireValue, JobStatus::wireValue);
  static final WireType<IterationStatus> ITERATION_STATUS =
      choice(IterationStatus::fromWireValue, IterationStatus::wireValue);
  static final WireType<ImmutableList<Iteration>> ITERATIONS =
      new WireType<>(WireType::readIterations, WireType::writeIterations);

  private final Reader<V> reader;
  private final UnaryOperator<V> normalizeRequest;
  private final Writer<V> writer;

  /** A type that a request and a response hold alike. */
  private WireType(Reader<V> reader, Writer<V> writer) {
    this(reader, UnaryOperator.identity(), writer);
  }

  /** A type whose value, read from a request, the API normalizes with {@code normalizeRequest}. */
  private WireType(Reader<V> reader, UnaryOperator<V> normalizeRequest, Writer<V> writer) {
    this.reader = reader;
    this.normalizeRequest = normalizeRequest;
    this.writer = writer;
  }

  /**
   * Reads the value of a non-null node, or reports why not to {@code problems} and returns null. A
   * value read from a request body ({@code fromRequest}) is normalized as the API does before it is
   * validated: a string is stripped; UUIDs and choices are taken as they are, as DRF's {@code
   * UUIDField} and {@code ChoiceField} take them.
   */
  @Nullable V read(JsonNode node, Problems problems, boolean fromRequest) {
    V value = reader.read(node, problems);
    return value != null && fromRequest ? normalizeRequest.apply(value) : value;
  }

  void write(JsonGenerator out, V value) throws IOException {
    writer.write(out, value);
  }

  /** An enum, by its wire value; a non-string is quoted as Python prints it. */
  private static <E extends Enum<E>> WireType<E> choice(
      Function<String, E> fromWireValue, Function<E, String> wireValue) {
    return new WireType<>(
        (node, problems) -> {
          String text = node.isTextual() ? node.textValue() : Wire.pythonText(node);
          try {
            return fromWireValue.apply(text);
          } catch (ValidationException e) {
            String message = e.violations().getFirst().message();
            problems.add(field -> new Violation(field, message));
            return null;
          }
        },
        (out, value) -> out.writeString(wireValue.apply(value)));
  }

  private static @Nullable UUID readUuid(JsonNode node, Problems problems) {
    UUID uuid = node.isTextual() ? PythonUuid.parse(node.textValue()) : null;
    if (uuid == null) {
      problems.add(Violation::invalidUuid);
    }
    return uuid;
  }

  private static @Nullable Instant readInstant(JsonNode node, Problems problems) {
    Instant instant = node.isTextual() ? Wire.parseInstant(node.textValue()) : null;
    if (instant == null) {
      problems.add(Violation::invalidDateTime);
    }
    return instant;
  }

  private static @Nullable String readText(JsonNode node, Problems problems) {
    if (node.isTextual()) {
      return node.textValue();
    } else if (node.isNumber()) {
      return node.asText();
    }
    problems.add(Violation::notAString);
    return null;
  }

  private static @Nullable Double readNumber(JsonNode node, Problems problems) {
    if (node instanceof JsonTrees.NegativeZero) {
      return -0.0;
    }
    double value;
    if (node.isDouble()) {
      value = node.doubleValue();
    } else {
      BigDecimal number = Wire.decimal(node, problems);
      if (number == null) {
        return null;
      }
      value = number.doubleValue();
    }
    if (!Double.isFinite(value)) {
      problems.add(Violation::notANumber);
      return null;
    }
    return value;
  }

  private static @Nullable Long readInteger(JsonNode node, Problems problems) {
    BigInteger integer = Wire.integer(node, problems);
    if (integer == null) {
      return null;
    } else if (integer.compareTo(Wire.LONG_MAX) > 0) {
      problems.add(field -> Violation.atMost(field, Long.MAX_VALUE));
      return null;
    } else if (integer.compareTo(Wire.LONG_MIN) < 0) {
      problems.add(field -> Violation.atLeast(field, Long.MIN_VALUE));
      return null;
    }
    return integer.longValue();
  }

  private static @Nullable JsonObject readObject(JsonNode node, Problems problems) {
    if (!node.isObject()) {
      problems.add(field -> Violation.notAnObject(field, Wire.pythonType(node)));
      return null;
    }
    try {
      return Wire.toJsonObject(node);
    } catch (Wire.NonFiniteNumber e) {
      problems.add(Violation::invalidJson);
      return null;
    } catch (IllegalArgumentException e) {
      problems.add(field -> Violation.tooDeep(field, JsonValue.MAX_DEPTH));
      return null;
    }
  }

  private static @Nullable ImmutableList<Iteration> readIterations(
      JsonNode node, Problems problems) {
    if (!node.isArray()) {
      problems.add(field -> Violation.notAList(field, Wire.pythonType(node)));
      return null;
    }
    MutableList<Iteration> iterations = Lists.mutable.withInitialCapacity(node.size());
    for (int i = 0; i < node.size(); i++) {
      try {
        iterations.add(Documents.ITERATION.read(node.get(i)));
      } catch (ValidationException e) {
        problems.addNested("[" + i + "].", e);
      }
    }
    // Any violation above fails the whole read, so the iterations that did read are never used.
    return iterations.toImmutable();
  }

  private static void writeIterations(JsonGenerator out, ImmutableList<Iteration> iterations)
      throws IOException {
    out.writeStartArray();
    for (Iteration iteration : iterations) {
      Documents.ITERATION.write(out, iteration);
    }
    out.writeEndArray();
  }

  @FunctionalInterface
  private interface Reader<V> {
    @Nullable V read(JsonNode node, Problems problems);
  }

  @FunctionalInterface
  private interface Writer<V> {
    void write(JsonGenerator out, V value) throws IOException;
  }
}
