package io.github.jobstore.store;

import java.util.NoSuchElementException;
import java.util.UUID;

/** Thrown when no iteration has the given id: it was never created, or it was deleted. */
public final class IterationNotFoundException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  private final UUID id;

  /** Creates the exception for the iteration {@code id}. */
  public IterationNotFoundException(UUID id) {
    super("No iteration with id " + id + ".");
    this.id = id;
  }

  /** Returns the id that matched no iteration. */
  public UUID id() {
    return id;
  }
}
