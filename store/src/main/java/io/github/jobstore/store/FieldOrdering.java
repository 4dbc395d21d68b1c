package io.github.jobstore.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.collections.api.factory.Sets;
import org.eclipse.collections.api.set.ImmutableSet;

/**
 * The orderings a query may name over one resource's sortable fields, as PostgreSQL sorts them
 * behind the API: one or more fields separated by commas, each with an optional {@code -} for
 * descending, later fields breaking the ties of earlier ones, then the resource's own tie-break.
 * Empty values come last ascending and first descending, field by field; scores are equal when
 * numerically equal ({@code -0.0 = 0.0}); text compares by code point (the "C" collation).
 *
 * <p>Immutable and thread-safe. A single field's comparator is built once; a multi-field one per
 * call, which costs little beside the sort it serves.
 *
 * @param <T> the resource (a job, an iteration)
 * @param <H> what the store sorts: a value with its creation sequence
 */
final class FieldOrdering<T, H> {

  /** Scores are finite, so plain comparison is total; unlike {@link Double#compare}, -0.0 = 0.0. */
  static final Comparator<Double> NUMERIC = (a, b) -> a < b ? -1 : (a > b ? 1 : 0);

  static final Comparator<String> CODE_POINTS = FieldOrdering::compareCodePoints;

  private final Map<String, Comparator<T>> fields;
  private final Function<H, T> value;
  private final Comparator<H> tieBreak;
  private final Map<String, Comparator<H>> singles;
  private final ImmutableSet<String> fieldNames;

  /**
   * @param fields each field's ascending order, by wire name
   * @param value the resource a sorted element holds
   * @param tieBreak what orders elements equal on every named field
   */
  FieldOrdering(Map<String, Comparator<T>> fields, Function<H, T> value, Comparator<H> tieBreak) {
    this.fields = Map.copyOf(fields);
    this.value = value;
    this.tieBreak = tieBreak;
    Map<String, Comparator<H>> singles = new HashMap<>();
    for (String field : fields.keySet()) {
      for (String part : List.of(field, "-" + field)) {
        singles.put(part, Comparator.comparing(value, field(part)).thenComparing(tieBreak));
      }
    }
    this.singles = Map.copyOf(singles);
    this.fieldNames = Sets.immutable.withAll(fields.keySet());
  }

  /** The names of the fields an ordering may name, without the {@code -} prefix. */
  ImmutableSet<String> fieldNames() {
    return fieldNames;
  }

  /**
   * The parts of {@code ordering} that name no field, each as written, in order: every
   * comma-separated part must be a known field, with or without a {@code -} prefix. Parts are not
   * stripped, and an empty part (as in {@code "status,"}) is unknown.
   */
  List<String> unknownFields(String ordering) {
    List<String> unknown = new ArrayList<>(0);
    for (String part : parts(ordering)) {
      if (!fields.containsKey(fieldName(part))) {
        unknown.add(part);
      }
    }
    return unknown;
  }

  /**
   * Orders elements by each field of {@code ordering} in turn, then by the tie-break.
   *
   * @throws IllegalArgumentException for an ordering {@link #unknownFields} objects to
   */
  Comparator<H> comparator(String ordering) {
    Comparator<H> single = singles.get(ordering);
    if (single != null) {
      return single;
    }
    String[] parts = parts(ordering);
    Comparator<T> byFields = field(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      byFields = byFields.thenComparing(field(parts[i]));
    }
    return Comparator.comparing(value, byFields).thenComparing(tieBreak);
  }

  /** Empty last when ascending; {@link Comparator#reversed()} then puts it first. */
  static <T, V> Comparator<T> optional(Function<T, Optional<V>> field, Comparator<V> order) {
    return Comparator.comparing(
        value -> field.apply(value).orElse(null), Comparator.nullsLast(order));
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static String[] parts(String ordering) {
    return ordering.split(",", -1);
  }

  private static String fieldName(String part) {
    return part.startsWith("-") ? part.substring(1) : part;
  }

  /** One part's order: the field's, reversed for a {@code -} prefix (empty values then first). */
  private Comparator<T> field(String part) {
    Comparator<T> ascending = fields.get(fieldName(part));
    if (ascending == null) {
      throw new IllegalArgumentException("Unknown ordering field " + part);
    }
    return part.startsWith("-") ? ascending.reversed() : ascending;
  }
}
