package io.github.jobstore.json;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a document is not JSON at all, or breaks one of {@link JobJson}'s read limits: the
 * API's {@code 400} with {@code JSON parse error - ...}. The message never quotes the document.
 */
public final class MalformedJsonException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  MalformedJsonException(String detail, @Nullable Throwable cause) {
    super("JSON parse error - " + detail, cause);
  }
}
