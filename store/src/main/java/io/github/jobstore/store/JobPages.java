package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.MutableList;

/**
 * Answers {@link JobStore#list} from the {@link Slots} that {@link JobIndexes#source} picks for the
 * query, by the cheapest of three ways (their costs are in {@link JobQuery}'s description):
 *
 * <ul>
 *   <li>the default ordering and no filter but {@code project} and {@code status}: the slots are
 *       exactly the matches, so their size is the count and the walk starts at the page;
 *   <li>the default ordering and other filters too: one walk of every slot, in order, that tests
 *       every job, counts the matches and keeps the page's;
 *   <li>any other ordering: one walk that keeps every match, then a sort.
 * </ul>
 */
final class JobPages {

  private JobPages() {}

  static Page<Job> list(Slots source, JobQuery query) {
    long offset = Pages.offset(query.page(), query.pageSize());
    if (!JobOrdering.isDefault(query.ordering())) {
      List<Hit> hits = new ArrayList<>();
      source.forEach(
          0,
          slot -> {
            Job job = slot.live();
            if (job != null && query.matches(job)) {
              hits.add(slot.hit(job));
            }
            return true;
          });
      hits.sort(JobOrdering.comparator(query.ordering()));
      return Pages.slice(hits, Hit::job, query.page(), query.pageSize());
    }
    MutableList<Job> results = Lists.mutable.empty();
    if (query.filtersOnlyProjectAndStatus()) {
      int count = source.size();
      Pages.checkInRange(query.page(), offset, count);
      // A slot that fails here is between keys or versions; the page takes the next one instead.
      source.forEach(
          offset,
          slot -> {
            Job job = slot.live();
            if (job != null && query.matches(job)) {
              results.add(job);
            }
            return results.size() < query.pageSize();
          });
      return new Page<>(results.toImmutable(), count, query.page(), query.pageSize());
    }
    Counter matches = new Counter();
    source.forEach(
        0,
        slot -> {
          Job job = slot.live();
          if (job != null && query.matches(job)) {
            if (matches.count >= offset && results.size() < query.pageSize()) {
              results.add(job);
            }
            matches.count++;
          }
          return true;
        });
    Pages.checkInRange(query.page(), offset, matches.count);
    return new Page<>(results.toImmutable(), matches.count, query.page(), query.pageSize());
  }

  private static final class Counter {
    int count;
  }
}
