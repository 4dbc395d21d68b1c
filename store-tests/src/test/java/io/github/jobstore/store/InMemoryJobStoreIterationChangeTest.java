package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What {@link InMemoryJobStore#updateIteration} does with an iteration's place and its job: a new
 * order moves it in its job's list, and a bad change is reported whole, every violation at once.
 */
class InMemoryJobStoreIterationChangeTest {

  private final AtomicLong ids = new AtomicLong();
  private final InMemoryJobStore store =
      InMemoryJobStore.builder()
          .idGenerator(() -> new UUID(0x4000L, ids.incrementAndGet()))
          .build();
  private final UUID job = store.create(JobCreateParams.builder().build()).id();

  @Test
  void aNewOrderMovesTheIterationInItsJobsList() {
    Iteration a = append("a", 1);
    Iteration b = append("b", 2);
    Iteration c = append("c", 3);

    Iteration moved = store.updateIteration(a.id(), it -> it.withOrder(5));

    assertThat(store.find(job).orElseThrow().iterations()).containsExactly(b, c, moved);
    assertThat(store.listIterations(IterationQuery.builder().job(job).build()).results())
        .containsExactly(b, c, moved);
  }

  @Test
  void aNewOrderBetweenTwoOthersLandsBetweenThem() {
    Iteration a = append("a", 10);
    Iteration b = append("b", 20);
    Iteration c = append("c", 30);

    Iteration moved = store.updateIteration(c.id(), it -> it.withOrder(15));

    assertThat(store.find(job).orElseThrow().iterations()).containsExactly(a, moved, b);
  }

  @Test
  void iterationsOfEqualOrderKeepTheOrderTheyWereCreatedIn() {
    Iteration a = append("a", 1);
    Iteration b = append("b", 1);
    Iteration c = append("c", 2);

    Iteration moved = store.updateIteration(c.id(), it -> it.withOrder(1));

    assertThat(store.find(job).orElseThrow().iterations()).containsExactly(a, b, moved);
  }

  @Test
  void aMoveToAMissingJobThatAlsoChangesCreatedAtReportsBoth() {
    Iteration iteration = append("a", 1);
    UUID missing = new UUID(0x4000L, 999);

    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                store.updateIteration(
                    iteration.id(), it -> it.withCreatedAt(Instant.EPOCH).withJob(missing)));

    assertThat(e.violations())
        .containsExactly(Violation.readOnly("created_at"), Violation.doesNotExist("job", missing));
    assertThat(store.findIteration(iteration.id())).contains(iteration);
  }

  private Iteration append(String name, long order) {
    return store.appendIteration(
        job, IterationCreateParams.builder().iterationName(name).order(order).build());
  }
}
