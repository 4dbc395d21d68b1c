package io.github.jobstore.store;

import java.util.NoSuchElementException;
import java.util.UUID;

/** Thrown when no job has the given id: it was never created, or it was deleted. */
public final class JobNotFoundException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  private final UUID id;

  /** Creates the exception for the job {@code id}. */
  public JobNotFoundException(UUID id) {
    super("No job with id " + id + ".");
    this.id = id;
  }

  /** Returns the id that matched no job. */
  public UUID id() {
    return id;
  }
}
