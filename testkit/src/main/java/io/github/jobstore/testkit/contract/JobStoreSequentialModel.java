package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.JobStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The sequential specification {@link JobStoreConcurrencyContract} checks a store against: the same
 * operations on three jobs kept in plain fields, one call at a time, written from the store's
 * documented behaviour and sharing nothing with any store. Lincheck runs it to find a sequential
 * order that explains what the store returned to concurrent callers.
 *
 * <p>Not thread-safe, on purpose. Public with a public constructor because Lincheck makes it
 * reflectively; not for other use.
 */
public final class JobStoreSequentialModel {

  private final List<ModelJob> jobs = new ArrayList<>();

  /** Three pending jobs with no iterations, as the contract's fixture creates them. */
  public JobStoreSequentialModel() {
    for (int i = 0; i < JobStoreConcurrencyContract.JOBS; i++) {
      jobs.add(new ModelJob());
    }
  }

  /** {@link JobStoreConcurrencyContract#setStatus}. */
  public String setStatus(int job, int status) {
    ModelJob model = jobs.get(job);
    if (model.deleted) {
      return JobStoreConcurrencyContract.NOT_FOUND;
    }
    model.status = JobStoreConcurrencyContract.status(status);
    return model.status.wireValue();
  }

  /** {@link JobStoreConcurrencyContract#raise}. */
  public long raise(int job) {
    ModelJob model = jobs.get(job);
    if (model.deleted) {
      return -1;
    }
    return ++model.counter;
  }

  /** {@link JobStoreConcurrencyContract#append}. */
  public long append(int job) {
    ModelJob model = jobs.get(job);
    if (model.deleted) {
      return -1;
    }
    return ++model.iterations;
  }

  /** {@link JobStoreConcurrencyContract#delete}. */
  public boolean delete(int job) {
    ModelJob model = jobs.get(job);
    boolean existed = !model.deleted;
    model.deleted = true;
    return existed;
  }

  /** {@link JobStoreConcurrencyContract#read}. */
  public String read(int job) {
    ModelJob model = jobs.get(job);
    return model.deleted
        ? JobStoreConcurrencyContract.NOT_FOUND
        : JobStoreConcurrencyContract.describe(model.status, model.counter, model.iterations);
  }

  /** {@link JobStoreConcurrencyContract#countWithStatus}. */
  public int countWithStatus(int status) {
    JobStatus wanted = JobStoreConcurrencyContract.status(status);
    int count = 0;
    for (ModelJob model : jobs) {
      if (!model.deleted && model.status == wanted) {
        count++;
      }
    }
    return count;
  }

  private static final class ModelJob {
    JobStatus status = JobStatus.PENDING;
    long counter;
    long iterations;
    boolean deleted;
  }
}
