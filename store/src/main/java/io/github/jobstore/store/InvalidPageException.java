package io.github.jobstore.store;

/**
 * Thrown when {@link JobStore#list(JobQuery)} is asked for a page before the first or after the
 * last: {@code Invalid page.}, as the API answers. Page 1 of an empty result is not invalid.
 */
public final class InvalidPageException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception, with the API's message {@code Invalid page.}. */
  public InvalidPageException() {
    super("Invalid page.");
  }
}
