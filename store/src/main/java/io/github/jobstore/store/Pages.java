package io.github.jobstore.store;

import java.util.List;
import java.util.function.Function;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.MutableList;

/** The API's page-number pagination, shared by job and iteration lists. */
final class Pages {

  private Pages() {}

  /**
   * The offset of {@code page}, the first element it shows.
   *
   * @throws InvalidPageException for a page before the first
   */
  static long offset(int page, int pageSize) {
    if (page < 1) {
      throw new InvalidPageException();
    }
    return (long) (page - 1) * pageSize;
  }

  /**
   * Checks a page against the count of matches.
   *
   * @throws InvalidPageException for a page past the last (page 1 is always valid)
   */
  static void checkInRange(int page, long offset, int count) {
    if (page > 1 && offset >= count) {
      throw new InvalidPageException();
    }
  }

  /**
   * One page of {@code sorted}, counted in full.
   *
   * @throws InvalidPageException for a page before the first or past the last (page 1 is always
   *     valid)
   */
  static <H, T> Page<T> slice(List<H> sorted, Function<H, T> value, int page, int pageSize) {
    long offset = offset(page, pageSize);
    int count = sorted.size();
    checkInRange(page, offset, count);
    MutableList<T> results = Lists.mutable.empty();
    for (long i = offset; i < count && results.size() < pageSize; i++) {
      results.add(value.apply(sorted.get((int) i)));
    }
    return new Page<>(results.toImmutable(), count, page, pageSize);
  }
}
