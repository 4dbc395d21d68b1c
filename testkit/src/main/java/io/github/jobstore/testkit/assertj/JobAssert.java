package io.github.jobstore.testkit.assertj;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * AssertJ assertions on a {@link Job}; start with {@link JobStoreAssertions#assertThat(Job)}. Every
 * assertion throws an {@link AssertionError} that names the field and both values when it fails.
 */
public class JobAssert extends AbstractObjectAssert<JobAssert, Job> {

  /** Creates assertions on {@code actual}; prefer {@link JobStoreAssertions#assertThat(Job)}. */
  public JobAssert(Job actual) {
    super(actual, JobAssert.class);
  }

  /** Verifies the job's {@code id}. */
  public JobAssert hasId(UUID expected) {
    return hasField("id", job -> job.id(), expected);
  }

  /** Verifies the job's {@code status}. */
  public JobAssert hasStatus(JobStatus expected) {
    return hasField("status", Job::status, expected);
  }

  /** Verifies that the job has ended: completed, failed or cancelled. */
  public JobAssert isTerminal() {
    isNotNull();
    if (!actual.status().isTerminal()) {
      failWithMessage(
          "Expected job %s to have ended but its status was %s", actual.id(), actual.status());
    }
    return this;
  }

  /** Verifies that the job has not ended: pending or running. */
  public JobAssert isNotTerminal() {
    isNotNull();
    if (actual.status().isTerminal()) {
      failWithMessage(
          "Expected job %s not to have ended but its status was %s", actual.id(), actual.status());
    }
    return this;
  }

  /** Verifies the job's {@code project}. */
  public JobAssert hasProject(UUID expected) {
    return hasField("project", Job::project, Optional.of(expected));
  }

  /** Verifies that the job has no {@code project}. */
  public JobAssert hasNoProject() {
    return hasField("project", Job::project, Optional.empty());
  }

  /** Verifies the job's {@code best_score}. */
  public JobAssert hasBestScore(double expected) {
    return hasField("best_score", Job::bestScore, Optional.of(expected));
  }

  /** Verifies how many iterations the job has. */
  public JobAssert hasIterationCount(int expected) {
    return hasField("number of iterations", job -> job.iterations().size(), expected);
  }

  /** Verifies the job's iterations' {@code iteration_name}s, in order. */
  public JobAssert hasIterationNames(String... expected) {
    return hasField(
        "iteration names",
        job -> job.iterations().collect(Iteration::iterationName).castToList(),
        List.of(expected));
  }

  private <V> JobAssert hasField(String field, Function<Job, V> accessor, V expected) {
    isNotNull();
    V value = accessor.apply(actual);
    if (!Objects.equals(value, expected)) {
      failWithMessage("Expected job's %s to be <%s> but was <%s>", field, expected, value);
    }
    return this;
  }
}
