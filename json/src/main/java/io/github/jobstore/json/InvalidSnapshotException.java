package io.github.jobstore.json;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown by {@link JobStoreSnapshot#read} when a file is not a whole, intact jobstore snapshot
 * (truncated, corrupt, written by something else, or of a newer format), or when its jobs cannot
 * all be restored; it is thrown before anything is loaded, so the target store is unchanged. The
 * message names the file and, where there is one, the line at fault.
 */
public final class InvalidSnapshotException extends IOException {

  private static final long serialVersionUID = 1L;

  InvalidSnapshotException(Path file, String problem) {
    super("Cannot read the snapshot " + file + ": " + problem);
  }

  InvalidSnapshotException(Path file, long line, String problem, Throwable cause) {
    super("Cannot read the snapshot " + file + ": line " + line + " " + problem, cause);
  }
}
