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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A document type of the API: its fields in schema order, and how to build a value from them.
 * Reading reports every violation of a document at once, wire violations (a malformed UUID, a
 * {@code null} where none is allowed) and domain violations (a string too long) together, in schema
 * order; a field with a wire violation is not also reported by the domain.
 *
 * @param <T> the value type
 * @param <B> its builder
 */
final class Document<T, B> {

  private final List<Field<T, B, ?>> fields;
  private final Supplier<B> newBuilder;
  private final Function<B, T> build;
  private final Map<String, Integer> positions;
  private final boolean writesNulls;

  /**
   * {@code writesNulls}: a response writes an empty nullable field as {@code null}; a request
   * leaves every empty field out, as the API's client does, since {@code null} in a {@code PATCH}
   * clears.
   */
  Document(
      List<Field<T, B, ?>> fields,
      Supplier<B> newBuilder,
      Function<B, T> build,
      boolean writesNulls) {
    this.fields = List.copyOf(fields);
    this.writesNulls = writesNulls;
    this.newBuilder = newBuilder;
    this.build = build;
    this.positions =
        fields.stream().collect(Collectors.toMap(Field::name, field -> fields.indexOf(field)));
  }

  List<Field<T, B, ?>> fields() {
    return fields;
  }

  /** Reads a value from a document's tree; unknown fields are ignored, as the API does. */
  T read(JsonNode root) {
    if (root.isNull()) {
      throw new ValidationException(Violation.noData());
    } else if (!root.isObject()) {
      throw new ValidationException(Violation.notADictionary(Wire.pythonType(root)));
    }
    B builder = newBuilder.get();
    List<Violation> wire = new ArrayList<>(0);
    for (Field<T, B, ?> field : fields) {
      JsonNode node = root.get(field.name());
      if (node == null) {
        continue;
      }
      if (node.isNull()) {
        if (!field.nullable()) {
          wire.add(Violation.notNull(field.name()));
        }
        continue;
      }
      field.read(node, builder, new Problems(field.name(), wire));
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
    write(out, value, fields, writesNulls);
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
