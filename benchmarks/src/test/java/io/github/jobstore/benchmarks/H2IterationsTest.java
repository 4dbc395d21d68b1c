package io.github.jobstore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobNotFoundException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL peer's {@code appendIteration} numbers as the store does: from 1, one more than the job's
 * highest order, unique under concurrent appends.
 */
class H2IterationsTest {

  private static final int APPENDS_PER_THREAD = 200;

  private H2JobTable table;
  private UUID job;

  @BeforeEach
  void createJob() throws SQLException {
    table = H2JobTable.empty();
    job = table.create(Fixtures.typicalJob(UUID.randomUUID(), JobStatus.RUNNING));
  }

  @AfterEach
  void close() throws SQLException {
    table.close();
  }

  @Test
  void theHighestOrderIsReadFromTheTopOfTheIndexNotFromEveryIteration() throws SQLException {
    assertThat(table.iterations().plan()).contains("index sorted");
  }

  @Test
  void appendedOrdersAreOneToNInAppendOrder() throws SQLException {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(table.iterations().appendIteration(job, Fixtures.ITERATION));
    }
    assertThat(new HashSet<>(ids)).hasSize(5);
    assertThat(table.iterations().orders(job)).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void anExplicitOrderIsKeptAndTheNextAutomaticOneFollowsTheHighest() throws SQLException {
    H2Iterations iterations = table.iterations();
    iterations.appendIteration(job, withOrder(Long.MAX_VALUE - 1));
    iterations.appendIteration(job, withOrder(-3));
    iterations.appendIteration(job, Fixtures.ITERATION);
    assertThat(iterations.orders(job)).containsExactly(-3L, Long.MAX_VALUE - 1, Long.MAX_VALUE);
  }

  @Test
  void anAppendToAnUnknownJobThrowsAndTheConnectionStillCommits() throws SQLException {
    UUID unknown = UUID.randomUUID();
    assertThatThrownBy(() -> table.iterations().appendIteration(unknown, Fixtures.ITERATION))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("No job with id " + unknown + ".");
    table.iterations().appendIteration(job, Fixtures.ITERATION);
    try (H2JobTable other = table.connect()) {
      assertThat(other.iterations().orders(job)).containsExactly(1L);
      assertThat(other.iterations().orders(unknown)).isEmpty();
    }
  }

  @Test
  void fillGivesOrdersOneToCount() throws SQLException {
    table.iterations().fill(job, 3, Fixtures.ITERATION);
    table.iterations().appendIteration(job, Fixtures.ITERATION);
    assertThat(table.iterations().orders(job)).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void deletingTheJobDeletesItsIterations() throws SQLException {
    table.iterations().fill(job, 3, Fixtures.ITERATION);
    assertThat(table.delete(job)).isTrue();
    assertThat(table.get(job)).isEmpty();
    assertThat(table.iterations().orders(job)).isEmpty();
    assertThat(table.delete(job)).isFalse();
  }

  @Test
  void twoThreadsAppendingToOneJobAtOnceGetEveryOrderOnce() throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (H2JobTable first = table.connect();
        H2JobTable second = table.connect()) {
      Future<?> a = threads.submit(() -> appendAll(first, start));
      Future<?> b = threads.submit(() -> appendAll(second, start));
      a.get();
      b.get();
    } finally {
      threads.shutdown();
    }
    assertThat(table.iterations().orders(job))
        .containsExactlyElementsOf(
            LongStream.rangeClosed(1, 2 * APPENDS_PER_THREAD).boxed().toList());
  }

  private Void appendAll(H2JobTable connection, CyclicBarrier start) throws Exception {
    start.await();
    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
      connection.iterations().appendIteration(job, Fixtures.ITERATION);
    }
    return null;
  }

  private static IterationCreateParams withOrder(long order) {
    return Fixtures.ITERATION.toBuilder().order(order).build();
  }
}
