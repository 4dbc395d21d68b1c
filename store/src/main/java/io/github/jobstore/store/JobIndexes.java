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
 * life): every job; the jobs of each status; and for each project, its jobs and its jobs of each
 * status. So each list filtered by nothing, by status, by project or by both has one index that
 * holds exactly its matches, counted.
 *
 * <p>Thread-safe; every method that changes a job's keys is called under that job's monitor. A
 * write that moves a job between keys adds it to the new key's sets before publishing and removes
 * it from the old ones after, so a job that keeps its key through a query is in that key's set for
 * the whole query. Readers walk one set (each slot at most once), read each slot's current version
 * once, and keep it only if that version matches.
 */
final class JobIndexes {

  private static final int STATUSES = JobStatus.values().length;

  /** The source of a query for a project without jobs; nothing is ever added to it. */
  private static final SlotIndex EMPTY = new SlotIndex();

  private final SlotIndex all = new SlotIndex();
  private final SlotIndex[] byStatus = newStatusSets();
  private final ConcurrentHashMap<UUID, ProjectSets> byProject = new ConcurrentHashMap<>();

  /** One project's sets: all its jobs, and its jobs of each status. */
  private static final class ProjectSets {
    final SlotIndex all = new SlotIndex();
    final SlotIndex[] byStatus = newStatusSets();
  }

  /** Indexes a new job, before it is published. */
  void add(Slot slot, Job job) {
    all.add(slot);
    byStatus[job.status().ordinal()].add(slot);
    if (job.project().isPresent()) {
      ProjectSets project = projectSets(job.project().get());
      project.all.add(slot);
      project.byStatus[job.status().ordinal()].add(slot);
    }
  }

  /** Unindexes a deleted job, after it is withdrawn. */
  void remove(Slot slot, Job job) {
    all.remove(slot);
    byStatus[job.status().ordinal()].remove(slot);
    if (job.project().isPresent()) {
      ProjectSets project = projectSets(job.project().get());
      project.all.remove(slot);
      project.byStatus[job.status().ordinal()].remove(slot);
    }
  }

  /** Publishes {@code next} in place of {@code current}, moving it between keys around that. */
  void publish(Slot slot, Job current, Job next) {
    boolean statusMoved = current.status() != next.status();
    boolean projectMoved = !current.project().equals(next.project());
    if (statusMoved) {
      byStatus[next.status().ordinal()].add(slot);
    }
    if ((statusMoved || projectMoved) && next.project().isPresent()) {
      ProjectSets project = projectSets(next.project().get());
      if (projectMoved) {
        project.all.add(slot);
      }
      project.byStatus[next.status().ordinal()].add(slot);
    }
    slot.publish(next);
    if (statusMoved) {
      byStatus[current.status().ordinal()].remove(slot);
    }
    if ((statusMoved || projectMoved) && current.project().isPresent()) {
      ProjectSets project = projectSets(current.project().get());
      if (projectMoved) {
        project.all.remove(slot);
      }
      project.byStatus[current.status().ordinal()].remove(slot);
    }
  }

  /** Every live job of {@code project}, in the default order. */
  ImmutableList<Job> withProject(UUID project) {
    ProjectSets sets = byProject.get(project);
    return sets == null
        ? Lists.immutable.empty()
        : select(sets.all, job -> job.project().filter(project::equals).isPresent());
  }

  /** Every live job with {@code status}, in the default order. */
  ImmutableList<Job> withStatus(JobStatus status) {
    return select(byStatus[status.ordinal()], job -> job.status() == status);
  }

  /**
   * The set that holds every match of {@code query}'s {@code project} and {@code status} filters
   * and nothing else (the empty set for a project without jobs).
   */
  SlotIndex source(JobQuery query) {
    Optional<UUID> project = query.project();
    Optional<JobStatus> status = query.status();
    if (project.isPresent()) {
      ProjectSets sets = byProject.get(project.get());
      if (sets == null) {
        return EMPTY;
      }
      return status.isPresent() ? sets.byStatus[status.get().ordinal()] : sets.all;
    }
    return status.isPresent() ? byStatus[status.get().ordinal()] : all;
  }

  private static ImmutableList<Job> select(SlotIndex slots, Predicate<Job> filter) {
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

  private ProjectSets projectSets(UUID project) {
    return byProject.computeIfAbsent(project, key -> new ProjectSets());
  }

  private static SlotIndex[] newStatusSets() {
    SlotIndex[] sets = new SlotIndex[STATUSES];
    for (int i = 0; i < STATUSES; i++) {
      sets[i] = new SlotIndex();
    }
    return sets;
  }
}
