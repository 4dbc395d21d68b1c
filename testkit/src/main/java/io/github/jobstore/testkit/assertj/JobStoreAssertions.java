package io.github.jobstore.testkit.assertj;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.testkit.JobStoreRecorder;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of jobstore's AssertJ assertions:
 *
 * <pre>{@code
 * import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThat;
 *
 * assertThat(job).hasStatus(JobStatus.COMPLETED).hasIterationCount(5);
 * assertThat(iteration).hasOrder(1).isKept();
 * assertThat(exception).hasOnlyViolation("data_source", "This field may not be blank.");
 * assertThatValidationExceptionThrownBy(() -> store.update(id, job -> job.withId(other)))
 *     .hasViolations(Violation.readOnly("id"));
 *
 * JobStoreRecorder recorder = JobStoreRecorder.attach(store);
 * service.run(jobId);
 * assertThat(recorder).job(jobId).wentThrough(PENDING, RUNNING, COMPLETED).hasEvents(3);
 * assertThat(recorder).within(Duration.ofSeconds(1)).hasEvents(IterationCreated.class, 2);
 * }</pre>
 *
 * <p>Assertions on a recorder wait for events the store has yet to deliver; {@link
 * JobStoreRecorderAssert} says how long, and when they fail at once.
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

  /**
   * Starts assertions on what a recorder recorded; they wait for events still on their way, as
   * {@link JobStoreRecorderAssert} explains.
   */
  public static JobStoreRecorderAssert assertThat(JobStoreRecorder actual) {
    return new JobStoreRecorderAssert(actual);
  }

  /**
   * Runs {@code code} and starts assertions on the {@link ValidationException} it throws, so that
   * catching the exception and checking its violations take one statement.
   *
   * @throws AssertionError if {@code code} throws nothing, or throws anything but a {@code
   *     ValidationException} (which then is the error's cause)
   */
  public static ValidationExceptionAssert assertThatValidationExceptionThrownBy(
      ThrowingCallable code) {
    @Nullable Throwable thrown = Assertions.catchThrowable(code);
    if (thrown instanceof ValidationException exception) {
      return assertThat(exception);
    }
    throw new AssertionError(
        thrown == null
            ? "Expected a ValidationException but nothing was thrown"
            : "Expected a ValidationException but " + thrown + " was thrown",
        thrown);
  }
}
