package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import java.util.UUID;

/**
 * An iteration was updated ({@link JobStore#updateIteration}), perhaps moved to another job: then
 * {@code previous().job()} is the job it left and {@code current().job()} the job it joined.
 *
 * @param previous the version the update replaced
 * @param current the version it stored
 */
public record IterationUpdated(Iteration previous, Iteration current) implements JobEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when either version is null
   * @throws IllegalArgumentException when the versions are of different iterations
   */
  public IterationUpdated {
    requireNonNull(previous, "previous");
    requireNonNull(current, "current");
    if (!previous.id().equals(current.id())) {
      throw new IllegalArgumentException(
          "Versions of two iterations: " + previous.id() + " and " + current.id());
    }
  }

  /** Returns the id of the job the iteration belongs to after the update. */
  @Override
  public UUID jobId() {
    return current.job();
  }

  /** Returns true when the update moved the iteration to another job. */
  public boolean isMove() {
    return !previous.job().equals(current.job());
  }
}
