package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreConcurrencyContract.NOT_FOUND;
import static io.github.jobstore.testkit.contract.JobStoreConcurrencyContract.describe;
import static io.github.jobstore.testkit.contract.JobStoreConcurrencyContract.status;
import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.testkit.contract.JobStoreModel.Outcome;
import java.time.Instant;
import java.util.UUID;

/**
 * The sequential specification {@link JobStoreConcurrencyContract} checks a store against: the
 * contract's operations on {@link JobStoreModel}, the same naive reference model that {@link
 * JobStoreModelContract} compares stores with, one call at a time. Lincheck runs it to find a
 * sequential order that explains what the store returned to concurrent callers.
 *
 * <p>Not thread-safe, on purpose. Public with a public constructor because Lincheck makes it
 * reflectively; not for other use.
 */
public final class JobStoreSequentialModel {

  /** Times never show in the operations' results, so one instant serves every write. */
  private static final Instant NOW = Instant.EPOCH;

  private final JobStoreModel model = new JobStoreModel();
  private final UUID[] ids = new UUID[JobStoreConcurrencyContract.JOBS];
  private long issued;

  /** Three pending jobs with no iterations, as the contract's fixture creates them. */
  public JobStoreSequentialModel() {
    for (int i = 0; i < ids.length; i++) {
      ids[i] = model.create(JobCreateParams.builder().build(), newId(), NOW).id();
    }
  }

  /** {@link JobStoreConcurrencyContract#setStatus}. */
  public String setStatus(int job, int status) {
    Outcome<Job> updated = model.update(ids[job], j -> j.withStatus(status(status)), NOW);
    return found(updated) ? result(updated).status().wireValue() : NOT_FOUND;
  }

  /** {@link JobStoreConcurrencyContract#raise}. */
  public long raise(int job) {
    Outcome<Job> updated = model.update(ids[job], j -> j.withNumIterations(counter(j) + 1), NOW);
    return found(updated) ? counter(result(updated)) : -1;
  }

  /** {@link JobStoreConcurrencyContract#append}. */
  public long append(int job) {
    Outcome<Iteration> appended =
        model.append(
            ids[job], IterationCreateParams.builder().iterationName("i").build(), newId(), NOW);
    return found(appended) ? result(appended).order().orElseThrow() : -1;
  }

  /** {@link JobStoreConcurrencyContract#delete}. */
  public boolean delete(int job) {
    return model.delete(ids[job]);
  }

  /** {@link JobStoreConcurrencyContract#read}. */
  public String read(int job) {
    return model
        .find(ids[job])
        .map(j -> describe(j.status(), counter(j), j.iterations().size()))
        .orElse(NOT_FOUND);
  }

  /** {@link JobStoreConcurrencyContract#countWithStatus}. */
  public int countWithStatus(int status) {
    JobStatus wanted = status(status);
    return model.select(j -> j.status() == wanted).size();
  }

  private UUID newId() {
    return new UUID(0x4000L, 0x8000_0000_0000_0000L | ++issued);
  }

  private static long counter(Job job) {
    return job.numIterations().orElse(0L);
  }

  /** True when the operation succeeded, false when its job was not found; rethrows the rest. */
  private static boolean found(Outcome<?> outcome) {
    RuntimeException failure = outcome.failure();
    if (failure == null) {
      return true;
    }
    if (failure instanceof JobNotFoundException) {
      return false;
    }
    throw failure;
  }

  private static <T> T result(Outcome<T> outcome) {
    return requireNonNull(outcome.result(), "a successful outcome has a result");
  }
}
