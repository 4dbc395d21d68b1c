package io.github.jobstore.store;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Job;
import java.util.UUID;

/**
 * A job was updated ({@link JobStore#update}).
 *
 * @param previous the version the update replaced
 * @param current the version it stored
 */
public record JobUpdated(Job previous, Job current) implements JobEvent {

  /**
   * Creates the event.
   *
   * @throws NullPointerException when either version is null
   * @throws IllegalArgumentException when the versions are of different jobs
   */
  public JobUpdated {
    requireNonNull(previous, "previous");
    requireNonNull(current, "current");
    if (!previous.id().equals(current.id())) {
      throw new IllegalArgumentException(
          "Versions of two jobs: " + previous.id() + " and " + current.id());
    }
  }

  @Override
  public UUID jobId() {
    return current.id();
  }
}
