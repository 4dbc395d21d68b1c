package io.github.jobstore.store;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * Keeps jobs and their iterations, with the server-side behaviour of the jobs API: ids and
 * timestamps assigned on create, {@code pending} by default, no status state machine.
 *
 * <p>Implementations are thread-safe. Every operation on one job is linearizable; a returned {@link
 * Job} is an immutable snapshot that later writes never change; a failed operation changes nothing.
 * A query returns every job at most once, each matching its filters in the version returned, and
 * returns every job that matched throughout the query.
 *
 * <p>Writes can be watched: {@link #subscribe} delivers an event for each write that takes effect,
 * and {@link #when} awaits a version of a job that matches a condition.
 */
public interface JobStore {

  /**
   * Creates a job: assigns its {@code id}, sets {@code created_at} and {@code updated_at} to now
   * (in whole microseconds), its status to {@code params.status()} or {@code pending}, and no
   * iterations.
   *
   * @return the new job
   */
  Job create(JobCreateParams params);

  /**
   * Puts {@code job} into the store exactly as given, as a snapshot or another store had it: its
   * id, {@code created_at}, {@code updated_at}, status, every other field and its iterations, each
   * with its id, {@code created_at} and {@code order}. Nothing is assigned: neither the clock nor
   * the id generator is read. The job then behaves as if it had been created and written here: it
   * is found by id and by queries, in its place by {@code created_at}, and an iteration appended
   * without an order gets one more than the highest of its iterations. Watchers see one {@link
   * JobCreated} whose job carries the iterations.
   *
   * @return the stored job: {@code job}, with its iterations sorted by order as the store keeps
   *     them (iterations of equal order keep their relative place)
   * @throws IllegalArgumentException when an iteration belongs to another job, has no order or
   *     appears twice; nothing changes
   * @throws IllegalStateException when a job with the same id, or an iteration with the same id as
   *     one of {@code job}'s, is already stored; nothing changes
   */
  Job restore(Job job);

  /** Returns the job with this id, or empty when there is none. */
  Optional<Job> find(UUID id);

  /**
   * Returns the job with this id.
   *
   * @throws JobNotFoundException when there is none
   */
  default Job get(UUID id) {
    return find(id).orElseThrow(() -> new JobNotFoundException(id));
  }

  /** Returns every job of {@code project}, newest first ({@code -created_at}). */
  ImmutableList<Job> findByProject(UUID project);

  /** Returns every job with {@code status}, newest first ({@code -created_at}). */
  ImmutableList<Job> findByStatus(JobStatus status);

  /**
   * Returns one page of the jobs that match every filter of {@code query}, in its ordering: the
   * API's {@code jobs.list}.
   *
   * @throws InvalidPageException when the page is before the first or after the last (page 1 of no
   *     results is valid)
   */
  Page<Job> list(JobQuery query);

  /**
   * Applies {@code change} to the job's current version and stores the result atomically, with
   * {@code updated_at} set to now. {@code change} runs once, while the job is locked: it must not
   * write to this store (an implementation may reject such a write with {@link
   * IllegalStateException}).
   *
   * @return the stored job
   * @throws JobNotFoundException when there is no such job
   * @throws ValidationException with {@code This field is read-only.} when {@code change} alters
   *     {@code id}, {@code created_at} or {@code iterations}; nothing changes
   * @throws RuntimeException whatever {@code change} throws, unchanged; nothing changes
   */
  Job update(UUID id, UnaryOperator<Job> change);

  /**
   * Removes the job and its iterations.
   *
   * @return true if the job existed
   */
  boolean delete(UUID id);

  /**
   * Appends an iteration to a job, as {@link #createIteration
   * createIteration(params.withJob(jobId))} does but with {@link JobNotFoundException} for an
   * unknown job ({@code params.job()} is ignored): assigns its {@code id}, {@code created_at} and
   * {@code job}, and when {@code order} is absent, the job's highest order plus one (1 for the
   * first). The job's {@code iterations} include it from then on, ordered by {@code order}, then by
   * creation; the job's {@code updated_at} does not change.
   *
   * @return the new iteration
   * @throws JobNotFoundException when there is no such job
   * @throws ValidationException on field {@code order} when the highest order is already {@link
   *     Long#MAX_VALUE}
   */
  Iteration appendIteration(UUID jobId, IterationCreateParams params);

  /**
   * Creates an iteration of the job {@code params.job()} names: the API's {@code
   * job_iterations.create}. Assigns its {@code id} and {@code created_at} (now, in whole
   * microseconds), and when {@code order} is absent, the job's highest order plus one (1 for the
   * first). The job's {@code iterations} include it from then on, ordered by {@code order}, then by
   * creation; the job's {@code updated_at} does not change.
   *
   * @return the new iteration
   * @throws ValidationException with {@code This field is required.} on {@code job} when {@code
   *     params.job()} is empty, or {@code Invalid pk "<uuid>" - object does not exist.} when no job
   *     has that id; on {@code order} when the highest order is already {@link Long#MAX_VALUE};
   *     nothing changes
   */
  Iteration createIteration(IterationCreateParams params);

  /** Returns the iteration with this id, or empty when there is none. */
  Optional<Iteration> findIteration(UUID id);

  /**
   * Returns the iteration with this id.
   *
   * @throws IterationNotFoundException when there is none
   */
  default Iteration getIteration(UUID id) {
    return findIteration(id).orElseThrow(() -> new IterationNotFoundException(id));
  }

  /**
   * Applies {@code change} to the iteration's current version and stores the result atomically.
   * {@code change} runs once, while the iteration's job is locked: it must not write to this store
   * (an implementation may reject such a write with {@link IllegalStateException}).
   *
   * <p>A new {@code order} re-sorts the job's {@code iterations}. A new {@code job} moves the
   * iteration to that job, atomically for readers of either job: each job's versions show it until
   * the move and never after it, or never before it and from then on. No job's {@code updated_at}
   * changes.
   *
   * @return the stored iteration
   * @throws IterationNotFoundException when there is no such iteration
   * @throws ValidationException listing every violation, with nothing changed: {@code This field is
   *     read-only.} when {@code change} alters {@code id} or {@code created_at}, {@code This field
   *     may not be null.} when it clears {@code order}, {@code Invalid pk "<uuid>" - object does
   *     not exist.} on {@code job} when it names a job that does not exist
   * @throws NullPointerException when {@code change} returns null; nothing changes
   * @throws RuntimeException whatever {@code change} throws, unchanged; nothing changes
   */
  Iteration updateIteration(UUID id, UnaryOperator<Iteration> change);

  /**
   * Removes the iteration from its job's {@code iterations}; the job's {@code updated_at} does not
   * change.
   *
   * @return true if the iteration existed
   */
  boolean deleteIteration(UUID id);

  /**
   * Returns one page of the iterations that match every filter of {@code query}, in its ordering:
   * the API's {@code job_iterations.list}. Each iteration appears at most once and matches the
   * filters in the version returned.
   *
   * @throws InvalidPageException when the page is before the first or after the last (page 1 of no
   *     results is valid)
   */
  Page<Iteration> listIterations(IterationQuery query);

  /**
   * Delivers to {@code listener} an event for each write that takes effect after this method
   * returns, until the subscription is closed: none for a write that fails, and the events of one
   * job in the order its writes took effect. A listener that throws, is slow or blocks never
   * changes what the store holds, never costs another subscriber its events, and never blocks
   * writers of other jobs without bound; each implementation says on which thread it calls the
   * listener, and what a slow one costs. A listener may write to the store.
   *
   * @return the subscription, to close when the listener is done
   */
  Subscription subscribe(Consumer<? super JobEvent> listener);

  /**
   * Returns a future that completes with the first version of the job that matches {@code
   * condition}: the current one if it does, otherwise the first that a later write stores. It
   * completes exceptionally with {@link JobNotFoundException} when there is no such job, or when
   * the job is deleted before a version matches, and with what {@code condition} throws if it
   * throws. The store keeps nothing for a future once it has completed (by any means, including
   * {@link CompletableFuture#cancel cancel} or a timeout the caller set). {@code condition} must
   * not write to the store; each implementation says where it runs.
   */
  CompletableFuture<Job> when(UUID id, Predicate<? super Job> condition);
}
