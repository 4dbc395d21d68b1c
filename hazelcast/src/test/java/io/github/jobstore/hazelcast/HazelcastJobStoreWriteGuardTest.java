package io.github.jobstore.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A function the store runs under a job's cluster lock (an update function, a {@code when}
 * condition) cannot write to the store: the lock is reentrant, so without the guard a nested write
 * would pass. Every write refuses, with nothing changed, and the thread writes freely afterwards.
 */
class HazelcastJobStoreWriteGuardTest {

  private static final String MESSAGE =
      "A function the store runs under a job's lock (an update function, a when condition)"
          + " must not write to the store";

  @RegisterExtension static final TestCluster CLUSTER = TestCluster.forEachClass(1);

  @Test
  void everyWriteFromAnUpdateFunctionIsRefusedAndChangesNothing() {
    HazelcastJobStore store = CLUSTER.newStore(builder -> builder);
    Job job = store.create(JobCreateParams.builder().build());
    Job other = store.create(JobCreateParams.builder().build());
    Iteration iteration = store.appendIteration(job.id(), iteration());
    Job restorable =
        Job.builder()
            .id(UUID.randomUUID())
            .createdAt(Instant.EPOCH)
            .updatedAt(Instant.EPOCH)
            .build();
    List<Consumer<HazelcastJobStore>> writes =
        List.of(
            s -> s.create(JobCreateParams.builder().build()),
            s -> s.restore(restorable),
            s -> s.update(other.id(), current -> current.withStatus(JobStatus.FAILED)),
            s -> s.delete(other.id()),
            s -> s.appendIteration(other.id(), iteration()),
            s -> s.createIteration(iteration().withJob(other.id())),
            s -> s.updateIteration(iteration.id(), current -> current.withOrder(9)),
            s -> s.deleteIteration(iteration.id()),
            s -> s.when(other.id(), current -> true));

    for (Consumer<HazelcastJobStore> write : writes) {
      Job before = store.get(job.id());
      assertThatIllegalStateException()
          .isThrownBy(
              () ->
                  store.update(
                      job.id(),
                      current -> {
                        write.accept(store);
                        return current.withStatus(JobStatus.RUNNING);
                      }))
          .withMessage(MESSAGE);
      assertThat(store.get(job.id())).isEqualTo(before);
      assertThatIllegalStateException()
          .isThrownBy(
              () ->
                  store.updateIteration(
                      iteration.id(),
                      current -> {
                        write.accept(store);
                        return current.withOrder(5);
                      }))
          .withMessage(MESSAGE);
      assertThat(store.getIteration(iteration.id())).isEqualTo(iteration);
    }
    assertThat(store.get(other.id()).iterations()).isEmpty();
    assertThat(store.find(restorable.id())).isEmpty();
    assertThat(store.update(other.id(), current -> current.withStatus(JobStatus.FAILED)).status())
        .isEqualTo(JobStatus.FAILED);
  }

  @Test
  void aWriteFromAWhenConditionFailsItsFuture() throws InterruptedException {
    HazelcastJobStore store = CLUSTER.newStore(builder -> builder);
    Job job = store.create(JobCreateParams.builder().build());

    CompletableFuture<Job> now =
        store.when(job.id(), current -> store.delete(current.id()) || true);
    CompletableFuture<Job> later =
        store.when(
            job.id(),
            current ->
                current.status() == JobStatus.RUNNING
                    && store.create(JobCreateParams.builder().build()) != null);
    store.update(job.id(), current -> current.withStatus(JobStatus.RUNNING));

    for (CompletableFuture<Job> future : List.of(now, later)) {
      assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(MESSAGE);
    }
    assertThat(store.find(job.id())).isPresent();
    assertThat(store.findByStatus(JobStatus.PENDING)).isEmpty();
  }

  private static IterationCreateParams iteration() {
    return IterationCreateParams.builder().iterationName("i").build();
  }
}
