package io.github.jobstore.testkit.assertj;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.testkit.JobStoreRecorder;
import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ soft assertions that also know jobstore's types: every failure is collected, and {@link
 * #assertAll()} reports them together. Not thread-safe, like AssertJ's own.
 */
public class JobStoreSoftAssertions extends SoftAssertions {

  /** Creates an empty set of soft assertions. */
  public JobStoreSoftAssertions() {}

  /** Starts soft assertions on a job. */
  public JobAssert assertThat(Job actual) {
    return proxy(JobAssert.class, Job.class, actual);
  }

  /** Starts soft assertions on an iteration. */
  public IterationAssert assertThat(Iteration actual) {
    return proxy(IterationAssert.class, Iteration.class, actual);
  }

  /** Starts soft assertions on a validation exception. */
  public ValidationExceptionAssert assertThat(ValidationException actual) {
    return proxy(ValidationExceptionAssert.class, ValidationException.class, actual);
  }

  /**
   * Starts soft assertions on what a recorder recorded. They wait as {@link JobStoreRecorderAssert}
   * explains, and a failure is collected like any other; so are those of its {@code job(id)} and
   * {@code eventsOf(kind)} assertions.
   */
  public JobStoreRecorderAssert assertThat(JobStoreRecorder actual) {
    return proxy(JobStoreRecorderAssert.class, JobStoreRecorder.class, actual).collectingInto(this);
  }
}
