package io.github.jobstore.testkit.assertj;

import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThat;
import static io.github.jobstore.testkit.assertj.JobStoreAssertions.assertThatValidationExceptionThrownBy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;

class JobStoreAssertionsTest {

  private static final UUID JOB = new UUID(0, 1);
  private static final UUID PROJECT = new UUID(0, 2);

  private static final Iteration ITERATION =
      Iteration.builder()
          .id(new UUID(0, 3))
          .createdAt(Instant.EPOCH)
          .iterationName("iter_001")
          .job(JOB)
          .order(1)
          .avgScore(0.5)
          .status(IterationStatus.KEEP)
          .build();

  private static final Job RUNNING =
      Job.builder()
          .id(JOB)
          .createdAt(Instant.EPOCH)
          .updatedAt(Instant.EPOCH)
          .status(JobStatus.RUNNING)
          .project(PROJECT)
          .bestScore(0.75)
          .iterations(Lists.immutable.of(ITERATION))
          .build();

  @Test
  void jobAssertionsPassOnAMatchingJob() {
    assertThat(RUNNING)
        .hasId(JOB)
        .hasStatus(JobStatus.RUNNING)
        .isNotTerminal()
        .hasProject(PROJECT)
        .hasBestScore(0.75)
        .hasIterationCount(1)
        .hasIterationNames("iter_001");
    assertThat(RUNNING.withStatus(JobStatus.CANCELLED)).isTerminal();
    assertThat(RUNNING.withProject(java.util.Optional.empty())).hasNoProject();
  }

  @Test
  void aJobAssertionFailureNamesTheFieldAndBothValues() {
    assertThatThrownBy(() -> assertThat(RUNNING).hasStatus(JobStatus.COMPLETED))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected job's status to be <COMPLETED> but was <RUNNING>");
    assertThatThrownBy(() -> assertThat(RUNNING).isTerminal())
        .hasMessage("Expected job " + JOB + " to have ended but its status was RUNNING");
    assertThatThrownBy(() -> assertThat(RUNNING).hasIterationCount(2))
        .hasMessage("Expected job's number of iterations to be <2> but was <1>");
  }

  @Test
  void everyJobAssertionFailsOnAJobThatDoesNotMatch() {
    UUID other = new UUID(0, 9);
    assertThatThrownBy(() -> assertThat(RUNNING).hasId(other))
        .hasMessage("Expected job's id to be <" + other + "> but was <" + JOB + ">");
    assertThatThrownBy(() -> assertThat(RUNNING.withStatus(JobStatus.FAILED)).isNotTerminal())
        .hasMessage("Expected job " + JOB + " not to have ended but its status was FAILED");
    assertThatThrownBy(() -> assertThat(RUNNING).hasProject(other))
        .hasMessage(
            "Expected job's project to be <Optional["
                + other
                + "]> but was <Optional["
                + PROJECT
                + "]>");
    assertThatThrownBy(() -> assertThat(RUNNING).hasNoProject())
        .hasMessage(
            "Expected job's project to be <Optional.empty> but was <Optional[" + PROJECT + "]>");
    assertThatThrownBy(() -> assertThat(RUNNING).hasBestScore(0.5))
        .hasMessage("Expected job's best_score to be <Optional[0.5]> but was <Optional[0.75]>");
    assertThatThrownBy(() -> assertThat(RUNNING).hasIterationNames("iter_002"))
        .hasMessage("Expected job's iteration names to be <[iter_002]> but was <[iter_001]>");
  }

  @Test
  void everyIterationAssertionFailsOnAnIterationThatDoesNotMatch() {
    assertThatThrownBy(() -> assertThat(ITERATION).hasName("iter_002"))
        .hasMessage("Expected iteration's iteration_name to be <iter_002> but was <iter_001>");
    assertThatThrownBy(() -> assertThat(ITERATION).belongsTo(PROJECT))
        .hasMessage("Expected iteration's job to be <" + PROJECT + "> but was <" + JOB + ">");
    assertThatThrownBy(() -> assertThat(ITERATION).hasAvgScore(0.25))
        .hasMessage(
            "Expected iteration's avg_score to be <Optional[0.25]> but was <Optional[0.5]>");
    assertThatThrownBy(() -> assertThat(ITERATION.withStatus(IterationStatus.DISCARD)).isKept())
        .hasMessage(
            "Expected iteration's status to be <Optional[KEEP]> but was <Optional[DISCARD]>");
  }

  @Test
  void iterationAssertionsPassOnAMatchingIterationAndFailOtherwise() {
    assertThat(ITERATION).hasName("iter_001").hasOrder(1).belongsTo(JOB).hasAvgScore(0.5).isKept();
    assertThatThrownBy(() -> assertThat(ITERATION).isDiscarded())
        .hasMessage(
            "Expected iteration's status to be <Optional[DISCARD]> but was <Optional[KEEP]>");
  }

  @Test
  void validationExceptionAssertionsCheckTheViolations() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () -> JobCreateParams.builder().dataSource(" ").bestScore(Double.NaN).build());

    assertThat(e)
        .hasViolationOn("data_source")
        .hasViolations(
            new Violation("best_score", "A valid number is required."),
            new Violation("data_source", "This field may not be blank."));
    assertThatThrownBy(() -> assertThat(e).hasOnlyViolation("data_source", "x"))
        .hasMessageStartingWith("Expected violations <[data_source: x]> but were");
    assertThatThrownBy(() -> assertThat(e).hasViolationOn("prompt_slug"))
        .hasMessageStartingWith("Expected a violation on <prompt_slug>");
  }

  @Test
  void validationExceptionThrownByChecksTheViolationsOfTheExceptionThrown() {
    assertThatValidationExceptionThrownBy(() -> JobCreateParams.builder().dataSource(" ").build())
        .hasViolations(Violation.blank("data_source"));
    assertThatThrownBy(
            () ->
                assertThatValidationExceptionThrownBy(
                        () -> JobCreateParams.builder().dataSource(" ").build())
                    .hasViolations(Violation.required("data_source")))
        .hasMessageStartingWith("Expected violations <[data_source: This field is required.]>");
  }

  @Test
  void validationExceptionThrownByFailsWhenNothingIsThrown() {
    assertThatThrownBy(() -> assertThatValidationExceptionThrownBy(() -> {}))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected a ValidationException but nothing was thrown")
        .hasNoCause();
  }

  @Test
  void validationExceptionThrownByFailsOnAnotherExceptionKeepingItAsTheCause() {
    IllegalStateException other = new IllegalStateException("not a validation");

    assertThatThrownBy(
            () ->
                assertThatValidationExceptionThrownBy(
                    () -> {
                      throw other;
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected a ValidationException but java.lang.IllegalStateException: not a validation"
                + " was thrown")
        .hasCause(other);
  }

  @Test
  void softAssertionsCollectEveryFailure() {
    JobStoreSoftAssertions softly = new JobStoreSoftAssertions();
    softly.assertThat(RUNNING).hasStatus(JobStatus.FAILED);
    softly.assertThat(ITERATION).hasOrder(2);

    assertThatThrownBy(softly::assertAll)
        .isInstanceOf(AssertJMultipleFailuresError.class)
        .hasMessageContaining("Expected job's status to be <FAILED> but was <RUNNING>")
        .hasMessageContaining(
            "Expected iteration's order to be <Optional[2]> but was <Optional[1]>");
  }
}
