package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.testkit.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Orderings at their edges: a text that is a prefix of another, creation times a microsecond apart
 * in different seconds with the clock set back between the creates, and ties broken by which job
 * was created last even when the clock says otherwise.
 */
class InMemoryJobStoreOrderingEdgeTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final AtomicLong ids = new AtomicLong();
  private final InMemoryJobStore store =
      InMemoryJobStore.builder()
          .clock(clock)
          .idGenerator(() -> new UUID(0x4000L, ids.incrementAndGet()))
          .build();

  @Test
  void aTextSortsRightAfterItsPrefixes() {
    Job ab = slug("ab");
    Job abc = slug("abc");
    Job a = slug("a");

    assertThat(list("prompt_slug")).containsExactly(a, ab, abc);
    assertThat(list("-prompt_slug")).containsExactly(abc, ab, a);
  }

  /**
   * The default order is by {@code created_at}, newest first, as the store keeps it (whole
   * microseconds, seconds and fractions together): a job created with the clock set back, a second
   * minus two microseconds before the one created just before it, comes after it.
   */
  @Test
  void theDefaultOrderFollowsCreatedAtToTheMicrosecondWhateverTheCreationOrder() {
    clock.set(Instant.parse("2026-03-01T12:00:02Z"));
    Job later = store.create(JobCreateParams.builder().build());
    clock.set(Instant.parse("2026-03-01T12:00:01.000002Z"));
    Job earlier = store.create(JobCreateParams.builder().build());

    assertThat(list("-created_at")).containsExactly(later, earlier);
    assertThat(list("created_at")).containsExactly(earlier, later);
  }

  /** Equal values fall to creation order, the job created last first, not to created_at. */
  @Test
  void tiesGoToTheJobCreatedLastEvenWhenTheClockWentBack() {
    clock.set(START.plusSeconds(10));
    Job first = slug("same");
    clock.set(START);
    Job second = slug("same");

    assertThat(list("prompt_slug")).containsExactly(second, first);
    assertThat(list("-prompt_slug")).containsExactly(second, first);
  }

  private Job slug(String slug) {
    return store.create(JobCreateParams.builder().promptSlug(slug).build());
  }

  private List<Job> list(String ordering) {
    return store.list(JobQuery.builder().ordering(ordering).build()).results().castToList();
  }
}
