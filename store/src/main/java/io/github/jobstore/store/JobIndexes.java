package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;
import org.jspecify.annotations.Nullable;

/**
 * The secondary indexes of an {@link InMemoryJobStore}, by status and by project: each key maps to
 * a {@link ConcurrentSkipListSet} of slots in the default order ({@code -created_at}, ties newest
 * first; both keys of the order are fixed for a job's life).
 *
 * <p>Thread-safe; every method that changes a job's keys is called under that job's monitor. A
 * write that moves a job between keys adds it to the new key's set before publishing and removes it
 * from the old one after, so a job that keeps its key through a query is in that key's set for the
 * whole query. Readers iterate a set once (weakly consistent: each slot at most once), read each
 * slot's current version once, and keep it only if that version matches.
 */
final class JobIndexes {

  private final List<ConcurrentSkipListSet<Slot>> byStatus =
      Stream.of(JobStatus.values())
          .map(status -> new ConcurrentSkipListSet<>(Slot.NEWEST_FIRST))
          .toList();
  private final ConcurrentHashMap<UUID, ConcurrentSkipListSet<Slot>> byProject =
      new ConcurrentHashMap<>();

  /** Indexes a new job, before it is published. */
  void add(Slot slot, Job job) {
    statusSlots(job.status()).add(slot);
    job.project().ifPresent(project -> projectSlots(project).add(slot));
  }

  /** Unindexes a deleted job, after it is withdrawn. */
  void remove(Slot slot, Job job) {
    statusSlots(job.status()).remove(slot);
    job.project().ifPresent(project -> projectSlots(project).remove(slot));
  }

  /** Publishes {@code next} in place of {@code current}, moving it between keys around that. */
  void publish(Slot slot, Job current, Job next) {
    boolean statusMoved = current.status() != next.status();
    boolean projectMoved = !current.project().equals(next.project());
    if (statusMoved) {
      statusSlots(next.status()).add(slot);
    }
    if (projectMoved) {
      next.project().ifPresent(project -> projectSlots(project).add(slot));
    }
    slot.publish(next);
    if (statusMoved) {
      statusSlots(current.status()).remove(slot);
    }
    if (projectMoved) {
      current.project().ifPresent(project -> projectSlots(project).remove(slot));
    }
  }

  /** Every live job of {@code project}, in the default order. */
  ImmutableList<Job> withProject(UUID project) {
    Iterable<Slot> slots = byProject.get(project);
    return slots == null
        ? Lists.immutable.empty()
        : select(slots, job -> job.project().filter(project::equals).isPresent());
  }

  /** Every live job with {@code status}, in the default order. */
  ImmutableList<Job> withStatus(JobStatus status) {
    return select(statusSlots(status), job -> job.status() == status);
  }

  /**
   * The index set to scan for {@code query}, in the default order, or null when none narrows it.
   */
  @Nullable Iterable<Slot> source(JobQuery query) {
    if (query.project().isPresent()) {
      Iterable<Slot> slots = byProject.get(query.project().get());
      return slots == null ? List.of() : slots;
    }
    return query.status().map(this::statusSlots).orElse(null);
  }

  private static ImmutableList<Job> select(Iterable<Slot> slots, Predicate<Job> filter) {
    MutableList<Job> selected = Lists.mutable.empty();
    for (Slot slot : slots) {
      Job job = slot.live();
      if (job != null && filter.test(job)) {
        selected.add(job);
      }
    }
    return selected.toImmutable();
  }

  private ConcurrentSkipListSet<Slot> statusSlots(JobStatus status) {
    return byStatus.get(status.ordinal());
  }

  private ConcurrentSkipListSet<Slot> projectSlots(UUID project) {
    return byProject.computeIfAbsent(
        project, key -> new ConcurrentSkipListSet<>(Slot.NEWEST_FIRST));
  }
}
