package io.github.jobstore.store;

import static io.github.jobstore.testkit.Parallel.inParallel;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.testkit.Parallel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Moves iterations between two jobs from several threads at once, in both directions, while other
 * threads write the same jobs and readers check every snapshot they read. A reader of job A then
 * job B may see a moving iteration in both or in neither (each job is linearizable on its own), so
 * the readers check what one snapshot promises: each job's list holds only its own iterations, each
 * once, sorted by order; {@code findIteration} finds each tracked iteration in one of the two jobs;
 * a scan of every job returns each iteration once. After the threads finish, each iteration is in
 * exactly one job, the one {@code findIteration} names. Two movers locking the two jobs in opposite
 * orders would deadlock here, and {@link Parallel} would fail the test on its timeout.
 */
class InMemoryJobStoreIterationMoveTest {

  private static final int ITERATIONS = 20;
  private static final int MOVERS = 2;
  private static final int MOVES = 2_000;
  private static final int READERS = 2;

  private final InMemoryJobStore store = InMemoryJobStore.create();
  private final UUID a = store.create(JobCreateParams.builder().build()).id();
  private final UUID b = store.create(JobCreateParams.builder().build()).id();
  private final List<UUID> tracked = new ArrayList<>();
  private final CountDownLatch moving = new CountDownLatch(MOVERS);

  /** Counted down by each reader once it has read while moves ran; movers wait for that. */
  private final CountDownLatch readersRead = new CountDownLatch(READERS);

  @Test
  void everyIterationIsInExactlyOneJobWhileMovesRunBothWays() throws Exception {
    for (int i = 0; i < ITERATIONS; i++) {
      UUID job = i % 2 == 0 ? a : b;
      tracked.add(
          store
              .createIteration(
                  IterationCreateParams.builder().iterationName("it " + i).job(job).build())
              .id());
    }

    List<Integer> work =
        inParallel(
            MOVERS + 1 + READERS,
            thread -> {
              if (thread < MOVERS) {
                return mover(thread);
              } else if (thread == MOVERS) {
                return jobWriter();
              }
              return reader();
            });

    for (int reader = MOVERS + 1; reader < work.size(); reader++) {
      assertThat(work.get(reader)).as("snapshots read while moves ran").isPositive();
    }
    List<Iteration> inA = store.get(a).iterations().castToList();
    List<Iteration> inB = store.get(b).iterations().castToList();
    assertThat(inA.size() + inB.size()).isEqualTo(ITERATIONS);
    for (UUID id : tracked) {
      Iteration found = store.getIteration(id);
      List<Iteration> home = found.job().equals(a) ? inA : inB;
      List<Iteration> away = found.job().equals(a) ? inB : inA;
      assertThat(home).contains(found);
      assertThat(away).extracting(Iteration::id).doesNotContain(id);
    }
  }

  private Callable<Integer> mover(int thread) {
    SplittableRandom random = new SplittableRandom(thread);
    return () -> {
      try {
        int i = 0;
        for (; i < MOVES || readersRead.getCount() > 0; i++) {
          Parallel.stopIfInterrupted();
          UUID id = tracked.get(random.nextInt(ITERATIONS));
          long order = random.nextLong(1, 6);
          store.updateIteration(id, it -> it.withJob(it.job().equals(a) ? b : a).withOrder(order));
        }
        return i;
      } finally {
        moving.countDown();
      }
    };
  }

  /** Updates and appends to both jobs, so movers meet writers that hold one job's lock. */
  private Callable<Integer> jobWriter() {
    return () -> {
      int writes = 0;
      while (moving.getCount() > 0) {
        Parallel.stopIfInterrupted();
        UUID job = writes % 2 == 0 ? a : b;
        store.update(job, j -> j.withNumIterations(j.numIterations().orElse(0L) + 1));
        writes++;
      }
      return writes;
    };
  }

  private Callable<Integer> reader() {
    return () -> {
      int reads = 0;
      while (moving.getCount() > 0) {
        Parallel.stopIfInterrupted();
        checkSnapshot(store.get(a), a);
        checkSnapshot(store.get(b), b);
        checkListedOnce(store.listIterations(IterationQuery.builder().job(a).build()), a);
        checkListedOnce(store.listIterations(IterationQuery.builder().build()), null);
        for (UUID id : tracked) {
          assertThat(store.findIteration(id))
              .as("a moving iteration is always found")
              .hasValueSatisfying(it -> assertThat(it.job()).isIn(a, b));
        }
        if (++reads == 1) {
          readersRead.countDown();
        }
      }
      return reads;
    };
  }

  /** One snapshot of {@code job}: its own iterations only, each once, sorted by order. */
  private static void checkSnapshot(Job version, UUID job) {
    Set<UUID> seen = new HashSet<>();
    long previous = Long.MIN_VALUE;
    for (Iteration iteration : version.iterations()) {
      assertThat(iteration.job()).as("an iteration in job %s's list", job).isEqualTo(job);
      assertThat(seen.add(iteration.id())).as("listed once: %s", iteration.id()).isTrue();
      long order = iteration.order().orElseThrow();
      assertThat(order).as("sorted by order").isGreaterThanOrEqualTo(previous);
      previous = order;
    }
  }

  private void checkListedOnce(Page<Iteration> page, @Nullable UUID job) {
    Set<UUID> seen = new HashSet<>();
    for (Iteration iteration : page.results()) {
      assertThat(seen.add(iteration.id())).as("listed once: %s", iteration.id()).isTrue();
      if (job != null) {
        assertThat(iteration.job()).isEqualTo(job);
      }
    }
    assertThat(page.count()).isLessThanOrEqualTo(ITERATIONS);
  }
}
