package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;

/**
 * The secondary indexes of an {@link InMemoryJobStore}, each a {@link SlotIndex} in the default
 * order ({@code -created_at}, ties newest first; both keys of the order are fixed for a job's
 * life): every job, the jobs of each status, and each project's jobs of each status. A list
 * filtered by nothing, by status, or by project and status has one set that holds exactly its
 * matches, counted; a list by project alone reads the union of the project's status sets ({@link
 * MergedSlots}). A set of each project's jobs would serve that list faster, but would cost every
 * create a fifth set to update, in a structure likely out of the CPU's caches.
 *
 * <p>Thread-safe; every method that changes a job's keys is called under that job's monitor. A
 * write that moves a job between keys adds it to the new key's sets before publishing and removes
 * it from the old ones after, so a job that keeps its key through a query is in that key's set for
 * the whole query. Readers walk one set or union (each slot at most once), read each slot's current
 * version once, and keep it only if that version matches.
 */
final class JobIndexes {

  private static final int STATUSES = JobStatus.values().length;

  /** The source of a query for a project without jobs; nothing is ever added to it. */
  private static final SlotIndex EMPTY = new SlotIndex();

  private final SlotIndex all = new SlotIndex();
  private final SlotIndex[] byStatus = newStatusSets();

  /** Each project's jobs of each status, by status ordinal. */
  private final ConcurrentHashMap<UUID, SlotIndex[]> byProject = new ConcurrentHashMap<>();

  /** Indexes a new job, before it is published. */
  void add(Slot slot, Job job) {
    int status = job.status().ordinal();
    all.add(slot);
    byStatus[status].add(slot);
    // Job.project() makes a new Optional on each call: read it once.
    Optional<UUID> project = job.project();
    if (project.isPresent()) {
      projectSets(project.get())[status].add(slot);
    }
  }

  /** Unindexes a deleted job, after it is withdrawn. */
  void remove(Slot slot, Job job) {
    int status = job.status().ordinal();
    all.remove(slot);
    byStatus[status].remove(slot);
    Optional<UUID> project = job.project();
    if (project.isPresent()) {
      projectSets(project.get())[status].remove(slot);
    }
  }

  /** Publishes {@code next} in place of {@code current}, moving it between keys around that. */
  void publish(Slot slot, Job current, Job next) {
    int from = current.status().ordinal();
    int to = next.status().ordinal();
    Optional<UUID> oldProject = current.project();
    Optional<UUID> newProject = next.project();
    boolean projectMoved = !oldProject.equals(newProject);
    if (from == to && !projectMoved) {
      slot.publish(next);
      return;
    }
    if (from != to) {
      byStatus[to].add(slot);
    }
    if (newProject.isPresent()) {
      projectSets(newProject.get())[to].add(slot);
    }
    slot.publish(next);
    if (from != to) {
      byStatus[from].remove(slot);
    }
    if (oldProject.isPresent()) {
      projectSets(oldProject.get())[from].remove(slot);
    }
  }

  /** Every live job of {@code project}, in the default order. */
  ImmutableList<Job> withProject(UUID project) {
    SlotIndex[] sets = byProject.get(project);
    return sets == null
        ? Lists.immutable.empty()
        : select(new MergedSlots(sets), job -> job.project().filter(project::equals).isPresent());
  }

  /** Every live job with {@code status}, in the default order. */
  ImmutableList<Job> withStatus(JobStatus status) {
    return select(byStatus[status.ordinal()], job -> job.status() == status);
  }

  /**
   * The slots of every match of {@code query}'s {@code project} and {@code status} filters and of
   * nothing else: one set, or for a project without a status the union of its status sets.
   */
  Slots source(JobQuery query) {
    Optional<UUID> project = query.project();
    Optional<JobStatus> status = query.status();
    if (project.isPresent()) {
      SlotIndex[] sets = byProject.get(project.get());
      if (sets == null) {
        return EMPTY;
      }
      return status.isPresent() ? sets[status.get().ordinal()] : new MergedSlots(sets);
    }
    return status.isPresent() ? byStatus[status.get().ordinal()] : all;
  }

  private static ImmutableList<Job> select(Slots slots, Predicate<Job> filter) {
    MutableList<Job> selected = Lists.mutable.empty();
    slots.forEach(
        0,
        slot -> {
          Job job = slot.live();
          if (job != null && filter.test(job)) {
            selected.add(job);
          }
          return true;
        });
    return selected.toImmutable();
  }

  private SlotIndex[] projectSets(UUID project) {
    SlotIndex[] sets = byProject.get(project);
    return sets != null ? sets : byProject.computeIfAbsent(project, key -> newStatusSets());
  }

  private static SlotIndex[] newStatusSets() {
    SlotIndex[] sets = new SlotIndex[STATUSES];
    for (int i = 0; i < STATUSES; i++) {
      sets[i] = new SlotIndex();
    }
    return sets;
  }
}
