package io.github.jobstore.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code WHERE} clause of {@link H2JobTable}'s queries with its {@code ?} arguments, in order.
 */
record H2Condition(String sql, List<Object> args) {

  H2Condition {
    args = List.copyOf(args);
  }

  /** A clause and its arguments: {@code H2Condition.of("status = ?", "completed")}. */
  static H2Condition of(String sql, Object... args) {
    return new H2Condition(sql, List.of(args));
  }

  /**
   * The API's {@code search}, as the jobs list view's SQL has it: every part of {@code term} must
   * occur in {@code prompt_slug}, {@code analyzer_model} or {@code data_source}, case ignored. Only
   * plain terms: split at white space and commas, no quoted phrases. {@code %}, {@code _} and
   * {@code \} in a part match themselves. A term with no parts keeps every row.
   */
  static H2Condition search(String term) {
    List<String> clauses = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (String part : term.split("[\\s,]+", -1)) {
      if (!part.isEmpty()) {
        clauses.add(
            "(UPPER(prompt_slug) LIKE ? ESCAPE '\\' OR UPPER(analyzer_model) LIKE ? ESCAPE '\\'"
                + " OR UPPER(data_source) LIKE ? ESCAPE '\\')");
        String pattern = "%" + escapeLike(part.toUpperCase(Locale.ROOT)) + "%";
        args.add(pattern);
        args.add(pattern);
        args.add(pattern);
      }
    }
    return clauses.isEmpty() ? of("TRUE") : new H2Condition(String.join(" AND ", clauses), args);
  }

  private static String escapeLike(String part) {
    return part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
