package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Job;
import java.util.UUID;

/**
 * A job was deleted, with its iterations.
 *
 * @param job the last version of the job, with the iterations deleted with it
 */
public record JobDeleted(Job job) implements JobEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when {@code job} is null
   */
  public JobDeleted {
    requireNonNull(job, "job");
  }

  @Override
  public UUID jobId() {
    return job.id();
  }
}
