package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContract.START;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of the index lookups {@link JobStore#findByProject} and {@link
 * JobStore#findByStatus}: which jobs they return, and in which order.
 */
interface JobStoreFindByContract extends JobStoreContractFixture {

  @Test
  default void findByProjectReturnsEveryJobOfTheProjectAndNoOther() {
    UUID project = UUID.randomUUID();
    Job first = create(p -> p.project(project));
    create(p -> p.project(UUID.randomUUID()));
    create();
    Job second = create(p -> p.project(project).status(JobStatus.FAILED));

    assertThat(ids(store().findByProject(project)))
        .containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  default void findByProjectReturnsTheNewestCreatedFirst() {
    UUID project = UUID.randomUUID();
    Job middle = createAt(START.plusSeconds(2), p -> p.project(project));
    Job oldest = createAt(START.plusSeconds(1), p -> p.project(project));
    Job newest = createAt(START.plusSeconds(3), p -> p.project(project));

    assertThat(ids(store().findByProject(project)))
        .containsExactly(newest.id(), middle.id(), oldest.id());
  }

  @Test
  default void findByProjectBreaksCreatedAtTiesNewestCreatedFirst() {
    UUID project = UUID.randomUUID();
    Job first = create(p -> p.project(project));
    Job second = create(p -> p.project(project));
    Job third = create(p -> p.project(project));

    assertThat(ids(store().findByProject(project)))
        .containsExactly(third.id(), second.id(), first.id());
  }

  @Test
  default void findByProjectOfAProjectWithoutJobsIsEmpty() {
    create(p -> p.project(UUID.randomUUID()));

    assertThat(store().findByProject(UUID.randomUUID())).isEmpty();
  }

  // findByStatus

  @Test
  default void findByStatusReturnsEveryJobWithTheStatusAndNoOther() {
    Job first = create(p -> p.status(JobStatus.RUNNING));
    create();
    create(p -> p.status(JobStatus.COMPLETED));
    Job second = create(p -> p.status(JobStatus.RUNNING).project(UUID.randomUUID()));

    assertThat(ids(store().findByStatus(JobStatus.RUNNING)))
        .containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  default void findByStatusFindsJobsCreatedPendingByDefault() {
    Job job = create();

    assertThat(ids(store().findByStatus(JobStatus.PENDING))).containsExactly(job.id());
  }

  @Test
  default void findByStatusReturnsTheNewestCreatedFirst() {
    Job middle = createAt(START.plusSeconds(2), p -> p.status(JobStatus.FAILED));
    Job oldest = createAt(START.plusSeconds(1), p -> p.status(JobStatus.FAILED));
    Job newest = createAt(START.plusSeconds(3), p -> p.status(JobStatus.FAILED));

    assertThat(ids(store().findByStatus(JobStatus.FAILED)))
        .containsExactly(newest.id(), middle.id(), oldest.id());
  }

  @Test
  default void findByStatusBreaksCreatedAtTiesNewestCreatedFirst() {
    Job first = create();
    Job second = create();
    Job third = create();

    assertThat(ids(store().findByStatus(JobStatus.PENDING)))
        .containsExactly(third.id(), second.id(), first.id());
  }

  @Test
  default void findByStatusOfAStatusNoJobHasIsEmpty() {
    create();

    assertThat(store().findByStatus(JobStatus.CANCELLED)).isEmpty();
  }
}
