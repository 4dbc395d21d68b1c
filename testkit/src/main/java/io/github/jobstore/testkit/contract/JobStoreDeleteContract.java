package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContract.id;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.iteration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of {@link JobStore#delete}: what it returns, and that a deleted job is gone
 * from every read and write while other jobs and earlier snapshots stay as they were.
 */
interface JobStoreDeleteContract extends JobStoreContractFixture {

  @Test
  default void deleteReturnsTrueWhenTheJobExists() {
    Job job = create();

    assertThat(store().delete(job.id())).isTrue();
  }

  @Test
  default void deleteReturnsFalseWhenTheJobIsAlreadyDeleted() {
    Job job = create();
    store().delete(job.id());

    assertThat(store().delete(job.id())).isFalse();
  }

  @Test
  default void deleteOfAnUnknownIdReturnsFalse() {
    create();

    assertThat(store().delete(id(99))).isFalse();
  }

  @Test
  default void deleteRemovesTheJobFromFind() {
    Job job = create();

    store().delete(job.id());

    assertThat(store().find(job.id())).isEmpty();
  }

  @Test
  default void getOfADeletedJobThrowsJobNotFound() {
    Job job = create();
    store().delete(job.id());

    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(() -> store().get(job.id()))
        .withMessage("No job with id " + job.id() + ".");
  }

  @Test
  default void updateOfADeletedJobThrowsJobNotFound() {
    Job job = create();
    store().delete(job.id());

    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(() -> store().update(job.id(), j -> j.withStatus(JobStatus.RUNNING)))
        .withMessage("No job with id " + job.id() + ".");
    assertThat(store().findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  default void appendIterationToADeletedJobThrowsJobNotFound() {
    Job job = create();
    store().delete(job.id());

    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(() -> store().appendIteration(job.id(), iteration("late")))
        .withMessage("No job with id " + job.id() + ".");
  }

  @Test
  default void deleteRemovesTheJobFromFindByProjectAndFindByStatus() {
    UUID project = UUID.randomUUID();
    Job job = create(p -> p.project(project).status(JobStatus.RUNNING));

    store().delete(job.id());

    assertThat(store().findByProject(project)).isEmpty();
    assertThat(store().findByStatus(JobStatus.RUNNING)).isEmpty();
  }

  @Test
  default void deleteRemovesTheJobFromList() {
    UUID project = UUID.randomUUID();
    Job kept = create(p -> p.project(project));
    Job deleted = create(p -> p.project(project).bestScore(0.5));

    store().delete(deleted.id());

    assertThat(list(q -> q)).containsExactly(kept.id());
    assertThat(list(q -> q.project(project))).containsExactly(kept.id());
    assertThat(list(q -> q.ordering("best_score"))).containsExactly(kept.id());
    assertThat(page(q -> q, 1).count()).isEqualTo(1);
  }

  @Test
  default void deleteLeavesOtherJobsAlone() {
    Job before = create();
    Job deleted = create();
    Job after = create();

    store().delete(deleted.id());

    assertThat(store().find(before.id())).contains(before);
    assertThat(store().find(after.id())).contains(after);
  }

  @Test
  default void aJobReturnedBeforeItsDeletionKeepsItsIterations() {
    Job job = create();
    Iteration iteration = store().appendIteration(job.id(), iteration("first"));
    Job snapshot = store().get(job.id());

    store().delete(job.id());

    assertThat(snapshot.iterations()).containsExactly(iteration);
  }
}
