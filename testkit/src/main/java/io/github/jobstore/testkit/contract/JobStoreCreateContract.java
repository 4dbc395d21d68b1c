package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContract.START_MICROS;
import static io.github.jobstore.testkit.contract.JobStoreContract.id;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.assertJobNotFound;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.everyField;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.Property;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of {@link JobStore#create}, {@link JobStore#find} and {@link JobStore#get}:
 * the ids and timestamps a new job gets, the fields it copies, and reading it back by id.
 */
interface JobStoreCreateContract extends JobStoreContractFixture {

  @Test
  default void createAssignsTheNextIdOfTheGenerator() {
    Job first = create();
    Job second = create();

    assertThat(List.of(first.id(), second.id())).containsExactly(id(1), id(2));
  }

  @Test
  default void createSetsCreatedAtToTheClockTruncatedToMicroseconds() {
    assertThat(create().createdAt()).isEqualTo(START_MICROS);
  }

  @Test
  default void createSetsUpdatedAtToCreatedAt() {
    assertThat(create().updatedAt()).isEqualTo(START_MICROS);
  }

  @Test
  default void createMakesAJobPendingWhenNoStatusIsGiven() {
    assertThat(create().status()).isEqualTo(JobStatus.PENDING);
  }

  @Test
  default void createKeepsAGivenStatus() {
    for (JobStatus status : JobStatus.values()) {
      assertThat(create(p -> p.status(status)).status()).isEqualTo(status);
    }
  }

  @Test
  default void createStartsAJobWithoutIterations() {
    assertThat(create().iterations()).isEmpty();
  }

  @Test
  default void createCopiesEveryParam() {
    JobCreateParams params = everyField().build();

    assertCopied(params, store().create(params));
  }

  @Test
  default void createCopiesEveryParamOfGeneratedParams() {
    Property.forAll(
        200,
        JobGenerators.validCreateParams(),
        params -> assertCopied(params, store().create(params)));
  }

  @Test
  default void createStoresTheJobItReturns() {
    Job job = create(p -> p.bestScore(0.5));

    assertThat(store().get(job.id())).isEqualTo(job);
  }

  // find and get

  @Test
  default void findReturnsTheStoredJob() {
    Job job = create(p -> p.promptSlug("slug"));
    create();

    assertThat(store().find(job.id())).contains(job);
  }

  @Test
  default void findOfAnUnknownIdIsEmpty() {
    create();

    assertThat(store().find(id(99))).isEmpty();
  }

  @Test
  default void getReturnsTheStoredJob() {
    create();
    Job job = create(p -> p.promptSlug("slug"));

    assertThat(store().get(job.id())).isEqualTo(job);
  }

  @Test
  default void getOfAnUnknownIdThrowsJobNotFoundNamingTheId() {
    create();
    UUID unknown = id(99);

    assertJobNotFound(() -> store().get(unknown), unknown);
  }

  // helpers

  private static void assertCopied(JobCreateParams params, Job job) {
    assertThat(job)
        .returns(params.agent(), Job::agent)
        .returns(params.analyzerModel(), Job::analyzerModel)
        .returns(params.backtestResults(), Job::backtestResults)
        .returns(params.baselineScore(), Job::baselineScore)
        .returns(params.bestAgentCode(), Job::bestAgentCode)
        .returns(params.bestScore(), Job::bestScore)
        .returns(params.candidatesPerIteration(), Job::candidatesPerIteration)
        .returns(params.celeryTaskId(), Job::celeryTaskId)
        .returns(params.dataSource(), Job::dataSource)
        .returns(params.improvement(), Job::improvement)
        .returns(params.jobType(), Job::jobType)
        .returns(params.numIterations(), Job::numIterations)
        .returns(params.project(), Job::project)
        .returns(params.promptSlug(), Job::promptSlug)
        .returns(params.reportMarkdown(), Job::reportMarkdown)
        .returns(params.result(), Job::result)
        .returns(params.status().orElse(JobStatus.PENDING), Job::status)
        .returns(params.triggeredBy(), Job::triggeredBy);
  }
}
