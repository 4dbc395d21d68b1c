package io.github.jobstore.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A document type of the API: its fields in schema order, and how to build a value from them; a
 * response as the API writes it, or a request body as a client sends it (whose strings the API
 * strips, and which a {@code PATCH} sends in part). Reading reports every violation of a document
 * at once, wire violations (a malformed UUID, a {@code null} where none is allowed) and domain
 * violations (a string too long) together, in schema order; a field with a wire violation is not
 * also reported by the domain.
 *
 * @param <T> the value type
 * @param <B> its builder
 */
final class Document<T, B> {

  private final List<Field<T, B, ?>> fields;
  private final Supplier<B> newBuilder;
  private final Function<B, T> build;
  private final Map<String, Integer> positions;
  private final boolean request;
  private final Consumer<B> standIns;

  private Document(
      List<Field<T, B, ?>> fields,
      Supplier<B> newBuilder,
      Function<B, T> build,
      boolean request,
      Consumer<B> standIns) {
    this.fields = List.copyOf(fields);
    this.newBuilder = newBuilder;
    this.build = build;
    this.request = request;
    this.standIns = standIns;
    this.positions =
        fields.stream().collect(Collectors.toMap(Field::name, field -> fields.indexOf(field)));
  }

  /**
   * A document the API returns: read as it is, written with {@code null} for an empty nullable
   * field.
   */
  static <T, B> Document<T, B> response(
      List<Field<T, B, ?>> fields, Supplier<B> newBuilder, Function<B, T> build) {
    return new Document<>(fields, newBuilder, build, false, builder -> {});
  }

  /**
   * A request body: read with its strings stripped, as the API reads them, and written with every
   * empty field left out, as the API's client does, since {@code null} in a {@code PATCH} clears.
   * {@code standIns} gives a partial read's builder a valid value for each field that {@code build}
   * requires; the body's own values replace them, and a partial read's caller uses only the fields
   * present in the body, so a stand-in never leaves this module.
   */
  static <T, B> Document<T, B> request(
      List<Field<T, B, ?>> fields,
      Supplier<B> newBuilder,
      Function<B, T> build,
      Consumer<B> standIns) {
    return new Document<>(fields, newBuilder, build, true, standIns);
  }

  List<Field<T, B, ?>> fields() {
    return fields;
  }

  /**
   * Reads a complete value from a document's tree, as a create ({@code POST}) or a replacement
   * ({@code PUT}) does: a field {@linkplain Field#requiredOnWire() required on the wire} that is
   * missing is a violation. Unknown fields are ignored, as the API does.
   */
  T read(JsonNode root) {
    return read(root, false);
  }

  /**
   * Reads a partial request body, as a {@code PATCH} does: missing fields are not violations, and
   * each present field is validated as {@link #read(JsonNode)} validates it. Only the fields
   * present in the body carry the body's values.
   */
  T readPartial(JsonNode root) {
    return read(root, true);
  }

  private T read(JsonNode root, boolean partial) {
    if (root.isNull()) {
      throw new ValidationException(Violation.noData());
    } else if (!root.isObject()) {
      throw new ValidationException(Violation.notADictionary(Wire.pythonType(root)));
    }
    B builder = newBuilder.get();
    if (partial) {
      standIns.accept(builder);
    }
    List<Violation> wire = new ArrayList<>(0);
    for (Field<T, B, ?> field : fields) {
      JsonNode node = root.get(field.name());
      if (node == null) {
        if (field.requiredOnWire() && !partial) {
          wire.add(Violation.required(field.name()));
        }
        continue;
      }
      if (node.isNull()) {
        if (!field.nullable()) {
          wire.add(Violation.notNull(field.name()));
        }
        continue;
      }
      field.read(node, builder, new Problems(field.name(), wire), request);
    }
    T value;
    try {
      value = build.apply(builder);
    } catch (ValidationException e) {
      throw merge(wire, e.violations().castToList());
    }
    if (!wire.isEmpty()) {
      throw merge(wire, List.of());
    }
    return value;
  }

  void write(JsonGenerator out, T value) throws IOException {
    write(out, value, fields, !request);
  }

  static <T> void write(
      JsonGenerator out, T value, List<? extends Field<T, ?, ?>> fields, boolean writesNulls)
      throws IOException {
    out.writeStartObject();
    for (Field<T, ?, ?> field : fields) {
      field.write(out, value, writesNulls);
    }
    out.writeEndObject();
  }

  /** Wire and domain violations together in schema order, each field reported by one side. */
  private ValidationException merge(List<Violation> wire, List<Violation> domain) {
    Set<String> wireFields = wire.stream().map(v -> base(v.field())).collect(Collectors.toSet());
    List<Violation> all = new ArrayList<>(wire);
    domain.stream().filter(v -> !wireFields.contains(base(v.field()))).forEach(all::add);
    all.sort(Comparator.comparingInt(v -> positions.getOrDefault(base(v.field()), -1)));
    return new ValidationException(all);
  }

  /** {@code iterations} for {@code iterations[2].iteration_name}. */
  private static String base(String field) {
    int nested = field.indexOf('[');
    return nested < 0 ? field : field.substring(0, nested);
  }
}
