package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import org.jspecify.annotations.Nullable;

/**
 * Where one job lives in an {@link InMemoryJobStore}: its current version and its place in the
 * creation sequence. Writers of the job hold the slot's monitor; readers read {@link #job} without
 * locking, since every version is an immutable snapshot published through the volatile field.
 */
final class Slot {

  final long sequence;
  volatile Job job;

  /** Guarded by this slot's monitor. */
  boolean deleted;

  /** Guarded by this slot's monitor; made on the first append. */
  private @Nullable IterationLog iterations;

  Slot(long sequence, Job job) {
    this.sequence = sequence;
    this.job = job;
  }

  /** The job's iteration log; the caller holds this slot's monitor. */
  IterationLog iterations() {
    if (iterations == null) {
      iterations = new IterationLog();
    }
    return iterations;
  }

  Hit hit(Job version) {
    return new Hit(version, sequence);
  }
}
