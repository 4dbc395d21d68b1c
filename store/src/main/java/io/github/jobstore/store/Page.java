package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import org.eclipse.collections.api.list.ImmutableList;

/**
 * One page of a query's results, with the count of every match.
 *
 * @param results the page's items, in the query's order
 * @param count how many items matched in all, on every page
 * @param page this page's number, from 1
 * @param pageSize the most items a page holds
 * @param <T> the type of the items
 */
public record Page<T>(ImmutableList<T> results, int count, int page, int pageSize) {

  /**
   * Creates a page.
   *
   * @throws IllegalArgumentException if {@code page} or {@code pageSize} is below 1, or {@code
   *     count} is negative
   */
  public Page {
    requireNonNull(results, "results");
    if (page < 1 || pageSize < 1 || count < 0) {
      throw new IllegalArgumentException(
          "page and pageSize must be positive and count not negative: "
              + page
              + ", "
              + pageSize
              + ", "
              + count);
    }
  }

  /** True when a later page has results. */
  public boolean hasNext() {
    return (long) page * pageSize < count;
  }

  /** True when this is not the first page. */
  public boolean hasPrevious() {
    return page > 1;
  }
}
