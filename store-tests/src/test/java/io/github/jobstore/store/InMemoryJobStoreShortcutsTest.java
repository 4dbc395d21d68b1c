package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobType;
import io.github.jobstore.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The paths {@link InMemoryJobStore} takes to answer faster than a scan: a list filtered only by
 * project and status walks one index and counts it instead of counting matches, and a list of one
 * job's iterations in its default order is not sorted again. Each test gives the shortcut a query
 * it must not take, or one it takes at its edge, and checks the answer a scan would give.
 */
class InMemoryJobStoreShortcutsTest {

  private static final UUID PROJECT = new UUID(0x5000L, 1);
  private static final UUID AGENT = new UUID(0x6000L, 1);
  private static final UUID OTHER_AGENT = new UUID(0x6000L, 2);
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final AtomicLong ids = new AtomicLong();
  private final InMemoryJobStore store =
      InMemoryJobStore.builder()
          .clock(clock)
          .idGenerator(() -> new UUID(0x4000L, ids.incrementAndGet()))
          .build();

  /**
   * One filter at a time, with a job that passes it and one that fails it, created an hour apart
   * (the matching one first). A shortcut taken for such a query would count both jobs.
   */
  static Stream<Arguments> filters() {
    Instant later = START.plus(Duration.ofHours(1));
    return Stream.of(
        filter("agent", q -> q.agent(AGENT), j -> j.agent(AGENT), j -> j.agent(OTHER_AGENT)),
        filter(
            "job_type",
            q -> q.jobType(JobType.INFERENCE),
            j -> j.jobType(JobType.INFERENCE),
            j -> j.jobType(JobType.JUDGE_SCORING)),
        filter(
            "analyzer_model",
            q -> q.analyzerModel("m1"),
            j -> j.analyzerModel("m1"),
            j -> j.analyzerModel("m2")),
        filter(
            "data_source",
            q -> q.dataSource("d1"),
            j -> j.dataSource("d1"),
            j -> j.dataSource("d2")),
        filter(
            "prompt_slug",
            q -> q.promptSlug("p1"),
            j -> j.promptSlug("p1"),
            j -> j.promptSlug("p2")),
        filter("created_before", q -> q.createdBefore(START), j -> j, j -> j),
        filter("created_after", q -> q.createdAfter(later), j -> j, j -> j),
        filter("score_min", q -> q.scoreMin(0.5), j -> j.bestScore(0.9), j -> j.bestScore(0.1)),
        filter("score_max", q -> q.scoreMax(0.5), j -> j.bestScore(0.1), j -> j.bestScore(0.9)),
        filter(
            "search",
            q -> q.search("alpha"),
            j -> j.promptSlug("alpha"),
            j -> j.promptSlug("beta")));
  }

  private static Arguments filter(
      String name,
      UnaryOperator<JobQuery.Builder> query,
      UnaryOperator<JobCreateParams.Builder> matching,
      UnaryOperator<JobCreateParams.Builder> other) {
    return Arguments.of(name, query, matching, other);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void aListFilteredByAnotherFieldCountsOnlyItsMatches(
      String name,
      UnaryOperator<JobQuery.Builder> query,
      UnaryOperator<JobCreateParams.Builder> matching,
      UnaryOperator<JobCreateParams.Builder> other) {
    // created_after keeps the later job: create the other one first for it.
    boolean laterMatches = name.equals("created_after");
    Job first =
        store.create(
            (laterMatches ? other : matching)
                .apply(JobCreateParams.builder().project(PROJECT))
                .build());
    clock.advance(Duration.ofHours(1));
    Job second =
        store.create(
            (laterMatches ? matching : other)
                .apply(JobCreateParams.builder().project(PROJECT))
                .build());
    Job match = laterMatches ? second : first;

    for (JobQuery.Builder scope :
        List.of(JobQuery.builder(), JobQuery.builder().project(PROJECT))) {
      Page<Job> page = store.list(query.apply(scope).build());

      assertThat(page.results()).as(name).containsExactly(match);
      assertThat(page.count()).as(name).isEqualTo(1);
    }
  }

  @Test
  void aListFilteredOnlyByProjectCountsTheWholeProject() {
    store.create(JobCreateParams.builder().project(PROJECT).build());
    store.create(JobCreateParams.builder().project(PROJECT).build());
    store.create(JobCreateParams.builder().build());

    Page<Job> page = store.list(JobQuery.builder().project(PROJECT).pageSize(1).build());

    assertThat(page.results()).hasSize(1);
    assertThat(page.count()).isEqualTo(2);
  }

  @Test
  void aPageBeyondTheLastOfAProjectIsRejected() {
    store.create(JobCreateParams.builder().project(PROJECT).build());
    store.create(JobCreateParams.builder().project(PROJECT).build());

    // Page 2 of 1 holds the second job, the last valid page; page 3 is the first invalid one.
    assertThat(
            store.list(JobQuery.builder().project(PROJECT).pageSize(1).page(2).build()).results())
        .hasSize(1);
    assertThatExceptionOfType(InvalidPageException.class)
        .isThrownBy(
            () -> store.list(JobQuery.builder().project(PROJECT).pageSize(1).page(3).build()))
        .withMessage("Invalid page.");
  }

  @Test
  void aListFilteredByAnotherFieldPagesThroughItsMatches() {
    Job older = store.create(JobCreateParams.builder().agent(AGENT).build());
    clock.advance(Duration.ofHours(1));
    store.create(JobCreateParams.builder().agent(OTHER_AGENT).build());
    clock.advance(Duration.ofHours(1));
    Job newer = store.create(JobCreateParams.builder().agent(AGENT).build());
    JobQuery.Builder query = JobQuery.builder().agent(AGENT).pageSize(1);

    Page<Job> first = store.list(query.page(1).build());
    Page<Job> second = store.list(query.page(2).build());

    assertThat(first.results()).containsExactly(newer);
    assertThat(second.results()).containsExactly(older);
    assertThat(second.count()).isEqualTo(2);
    assertThatExceptionOfType(InvalidPageException.class)
        .isThrownBy(() -> store.list(query.page(3).build()))
        .withMessage("Invalid page.");
  }

  @Test
  void oneJobsIterationsComeInTheOrderingAsked() {
    UUID job = store.create(JobCreateParams.builder().build()).id();
    Iteration first = append(job, "b", 1, 0.5);
    Iteration second = append(job, "a", 2, 0.9);
    Iteration third = append(job, "c", 3, 0.1);

    assertThat(iterations(job, "order")).containsExactly(first, second, third);
    assertThat(iterations(job, "-order")).containsExactly(third, second, first);
    assertThat(iterations(job, "-avg_score")).containsExactly(second, first, third);
  }

  /**
   * An iteration update holds one lock for the whole store while it runs (so that moves between
   * jobs cannot deadlock): it must let it go, or the next update from another thread waits forever.
   */
  @Test
  void anIterationUpdateLetsTheNextOneFromAnotherThreadIn() {
    UUID job = store.create(JobCreateParams.builder().build()).id();
    Iteration iteration = append(job, "a", 1, 0.5);
    store.updateIteration(iteration.id(), it -> it.withDescription("here"));

    CompletableFuture<Iteration> elsewhere =
        CompletableFuture.supplyAsync(
            () -> store.updateIteration(iteration.id(), it -> it.withDescription("there")));

    // A generous bound that only a thread blocked for good reaches.
    assertThat(elsewhere)
        .succeedsWithin(Duration.ofSeconds(30))
        .satisfies(it -> assertThat(it.description()).contains("there"));
  }

  /** A restore takes the same store-wide lock as an iteration update, and must let it go too. */
  @Test
  void aRestoreLetsTheNextIterationUpdateFromAnotherThreadIn() {
    UUID job = store.create(JobCreateParams.builder().build()).id();
    Iteration iteration = append(job, "a", 1, 0.5);
    Job saved = store.get(job);
    store.delete(job);
    store.restore(saved);

    CompletableFuture<Iteration> elsewhere =
        CompletableFuture.supplyAsync(
            () -> store.updateIteration(iteration.id(), it -> it.withDescription("there")));

    // A generous bound that only a thread blocked for good reaches.
    assertThat(elsewhere)
        .succeedsWithin(Duration.ofSeconds(30))
        .satisfies(it -> assertThat(it.description()).contains("there"));
  }

  private Iteration append(UUID job, String name, long order, double score) {
    return store.appendIteration(
        job,
        IterationCreateParams.builder().iterationName(name).order(order).avgScore(score).build());
  }

  private List<Iteration> iterations(UUID job, String ordering) {
    return store
        .listIterations(IterationQuery.builder().job(job).ordering(ordering).build())
        .results()
        .castToList();
  }
}
