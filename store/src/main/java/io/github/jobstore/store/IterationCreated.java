package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import java.util.UUID;

/**
 * An iteration was created ({@link JobStore#appendIteration}, {@link JobStore#createIteration}).
 *
 * @param iteration the iteration as created
 */
public record IterationCreated(Iteration iteration) implements JobEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when {@code iteration} is null
   */
  public IterationCreated {
    requireNonNull(iteration, "iteration");
  }

  /** Returns the id of the iteration's job. */
  @Override
  public UUID jobId() {
    return iteration.job();
  }
}
