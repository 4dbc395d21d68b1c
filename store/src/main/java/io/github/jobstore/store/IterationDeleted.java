package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import java.util.UUID;

/**
 * An iteration was deleted ({@link JobStore#deleteIteration}); deleting a job is one {@link
 * JobDeleted} instead.
 *
 * @param iteration the last version of the iteration
 */
public record IterationDeleted(Iteration iteration) implements JobEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when {@code iteration} is null
   */
  public IterationDeleted {
    requireNonNull(iteration, "iteration");
  }

  /** Returns the id of the job the iteration belonged to. */
  @Override
  public UUID jobId() {
    return iteration.job();
  }
}
