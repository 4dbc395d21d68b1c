package io.github.jobstore.testkit.assertj;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.ValidationException;

/**
 * The entry point of jobstore's AssertJ assertions:
 *
 * <pre>{@code
 * import static io.github.jobstore.testkit.JobStoreAssertions.assertThat;
 *
 * assertThat(job).hasStatus(JobStatus.COMPLETED).hasIterationCount(5);
 * assertThat(iteration).hasOrder(1).isKept();
 * assertThat(exception).hasOnlyViolation("data_source", "This field may not be blank.");
 * }</pre>
 *
 * <p>{@link JobStoreSoftAssertions} collects failures instead of stopping at the first.
 */
public final class JobStoreAssertions {

  private JobStoreAssertions() {}

  /** Starts assertions on a job. */
  public static JobAssert assertThat(Job actual) {
    return new JobAssert(actual);
  }

  /** Starts assertions on an iteration. */
  public static IterationAssert assertThat(Iteration actual) {
    return new IterationAssert(actual);
  }

  /** Starts assertions on a validation exception. */
  public static ValidationExceptionAssert assertThat(ValidationException actual) {
    return new ValidationExceptionAssert(actual);
  }
}
