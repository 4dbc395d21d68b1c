package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Job;
import java.util.UUID;

/**
 * A job was created.
 *
 * @param job the job as created
 */
public record JobCreated(Job job) implements JobEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when {@code job} is null
   */
  public JobCreated {
    requireNonNull(job, "job");
  }

  @Override
  public UUID jobId() {
    return job.id();
  }
}
