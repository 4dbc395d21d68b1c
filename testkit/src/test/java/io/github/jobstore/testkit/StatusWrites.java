package io.github.jobstore.testkit;

import io.github.jobstore.core.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The statuses a job is created with and then updated to, for property tests of status paths. */
public final class StatusWrites {

  private static final List<JobStatus> STATUSES = List.of(JobStatus.values());

  private StatusWrites() {}

  /** Returns a generator of 1 to {@code max} statuses, repeats likely. */
  public static Generator<List<JobStatus>> upTo(int max) {
    return random ->
        IntStream.range(0, 1 + random.nextInt(max)).mapToObj(i -> any().next(random)).toList();
  }

  /** Returns a generator of any status. */
  public static Generator<JobStatus> any() {
    return random -> STATUSES.get(random.nextInt(STATUSES.size()));
  }

  /**
   * Returns the path a recorder reads from these writes: each status, unless it repeats the last.
   */
  public static List<JobStatus> path(List<JobStatus> writes) {
    List<JobStatus> path = new ArrayList<>();
    for (JobStatus status : writes) {
      if (path.isEmpty() || path.get(path.size() - 1) != status) {
        path.add(status);
      }
    }
    return List.copyOf(path);
  }
}
