package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where one job lives in an {@link InMemoryJobStore}: its live version and its place in the
 * creation sequence. Writers of the job hold the slot's monitor; readers call {@link #live()}
 * without locking, since every version is an immutable snapshot published through a volatile field.
 * The live version is null until {@code create} has indexed the slot and after {@code delete} has
 * withdrawn it, so a slot that is in the map or an index but not live is invisible.
 */
final class Slot {

  /**
   * The store's default order, {@code -created_at}, ties newest created first. Both keys are fixed
   * for the slot's life ({@code created_at} is read-only), so sorted indexes stay valid; they live
   * in the slot itself, so comparing two slots reads no job.
   */
  static final Comparator<Slot> NEWEST_FIRST = (a, b) -> a == b ? 0 : a.isNewerThan(b) ? -1 : 1;

  final long sequence;

  /** {@code created_at} in microseconds since the epoch, the precision the store keeps. */
  final long createdMicros;

  private volatile @Nullable Job job;

  /** Guarded by this slot's monitor; made on the first append. */
  private @Nullable IterationLog iterations;

  /** The pending {@code when} futures; guarded by this slot's monitor, null when there are none. */
  private @Nullable List<Waiter> waiters;

  Slot(long sequence, Instant createdAt) {
    this.sequence = sequence;
    this.createdMicros = micros(createdAt);
  }

  /**
   * True when this slot comes before {@code other} in the default order; false for the slot itself.
   */
  boolean isNewerThan(Slot other) {
    return isNewerThan(other.createdMicros, other.sequence);
  }

  /** True when this slot comes before a slot with these keys in the default order. */
  boolean isNewerThan(long otherMicros, long otherSequence) {
    return createdMicros > otherMicros
        || (createdMicros == otherMicros && sequence > otherSequence);
  }

  /** The live version, or null before it is created or after it is deleted. */
  @Nullable Job live() {
    return job;
  }

  /**
   * The live version of job {@code id}, this slot's; the caller holds this slot's monitor.
   *
   * @throws JobNotFoundException when the job is deleted
   */
  Job current(UUID id) {
    Job current = job;
    if (current == null) {
      throw new JobNotFoundException(id);
    }
    return current;
  }

  /** Makes {@code version} the live one; the caller holds this slot's monitor. */
  void publish(Job version) {
    job = version;
  }

  /** Makes the slot invisible for good; the caller holds this slot's monitor. */
  void withdraw() {
    job = null;
  }

  /** Saturates beyond 292,000 years from 1970; ties there fall to the sequence. */
  private static long micros(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** The job's iteration log; the caller holds this slot's monitor. */
  IterationLog iterations() {
    if (iterations == null) {
      iterations = new IterationLog();
    }
    return iterations;
  }

  /** The pending {@code when} futures, or null; the caller holds this slot's monitor. */
  @Nullable List<Waiter> waiters() {
    return waiters;
  }

  /** Adds a pending {@code when} future; the caller holds this slot's monitor. */
  void await(Waiter waiter) {
    if (waiters == null) {
      waiters = new ArrayList<>(2);
    }
    waiters.add(waiter);
  }

  /** Drops a {@code when} future if it is still pending; the caller holds this slot's monitor. */
  void forget(Waiter waiter) {
    if (waiters != null && waiters.remove(waiter) && waiters.isEmpty()) {
      waiters = null;
    }
  }

  /** Drops every pending {@code when} future; the caller holds this slot's monitor. */
  void forgetWaiters() {
    waiters = null;
  }

  Hit hit(Job version) {
    return new Hit(version, sequence);
  }
}
