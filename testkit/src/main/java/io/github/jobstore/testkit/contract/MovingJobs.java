package io.github.jobstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.Parallel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * Jobs for {@link JobStoreConcurrencyContract}'s query test: stable ones that never change, spread
 * over statuses, projects and scores, and movers that writers keep moving between statuses,
 * projects and scores. Writers call {@link #move}, readers {@link #query}, at once.
 */
final class MovingJobs {

  private static final List<JobStatus> STATUSES = List.of(JobStatus.values());
  private static final List<Optional<Double>> SCORES =
      List.of(Optional.empty(), Optional.of(0.1), Optional.of(0.2), Optional.of(0.3));

  /** Ascending best score, jobs without one last. */
  private static final Comparator<Job> BY_SCORE =
      Comparator.comparing(
          (Job job) -> job.bestScore().orElse(null),
          Comparator.nullsLast(Comparator.<Double>naturalOrder()));

  private final JobStore store;
  private final List<UUID> projects = List.of(UUID.randomUUID(), UUID.randomUUID());
  private final UUID agent = UUID.randomUUID();
  private final Map<UUID, Integer> creation = new HashMap<>();
  private final Comparator<Job> newestFirst =
      Comparator.comparing((Job job) -> creation.get(job.id())).reversed();
  private final List<UUID> movers = new ArrayList<>();
  private final AtomicLong moves = new AtomicLong();

  MovingJobs(JobStore store) {
    this.store = store;
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 300; i++) {
      Job job = store.create(randomParams(random).agent(agent).build());
      creation.put(job.id(), i);
      if (i % 3 != 0) {
        movers.add(job.id());
      }
    }
  }

  /**
   * Moves random movers at least {@code atLeast} times, then on until {@code enough} says so
   * (checked every 100 moves); returns how many moves it made.
   */
  int move(SplittableRandom random, int atLeast, BooleanSupplier enough) {
    int i = 0;
    for (; i < atLeast || i % 100 != 0 || !enough.getAsBoolean(); i++) {
      Parallel.stopIfInterrupted();
      UUID mover = movers.get(random.nextInt(movers.size()));
      JobCreateParams next = randomParams(random).build();
      store.update(
          mover,
          job ->
              job.withStatus(next.status().orElseThrow())
                  .withProject(next.project())
                  .withBestScore(next.bestScore())
                  .withNumIterations(job.numIterations().orElse(0L) + 1));
      moves.incrementAndGet();
    }
    return i;
  }

  /**
   * Runs queries and checks them until the writers are done; counts in {@code overlapped} the
   * checks whose query ran while at least one move completed, and returns all checks.
   */
  int query(SplittableRandom random, CountDownLatch writing, AtomicInteger overlapped) {
    int done = 0;
    do {
      Parallel.stopIfInterrupted();
      JobStatus status = STATUSES.get(random.nextInt(STATUSES.size()));
      UUID project = projects.get(random.nextInt(projects.size()));
      Predicate<Job> hasStatus = job -> job.status() == status;
      Predicate<Job> inProject = job -> job.project().equals(Optional.of(project));
      List<Boolean> checks =
          List.of(
              check(() -> store.findByStatus(status), hasStatus, newestFirst),
              check(() -> store.findByProject(project), inProject, newestFirst),
              check(() -> list(JobQuery.builder()), job -> true, newestFirst),
              check(() -> list(JobQuery.builder().status(status)), hasStatus, newestFirst),
              check(() -> list(JobQuery.builder().project(project)), inProject, newestFirst),
              check(
                  () -> list(JobQuery.builder().project(project).status(status)),
                  inProject.and(hasStatus),
                  newestFirst),
              check(
                  () -> list(JobQuery.builder().status(status).ordering("best_score")),
                  hasStatus,
                  BY_SCORE.thenComparing(newestFirst)),
              check(
                  () -> list(JobQuery.builder().agent(agent).scoreMin(0.2).ordering("-best_score")),
                  job -> job.bestScore().filter(score -> score >= 0.2).isPresent(),
                  BY_SCORE.reversed().thenComparing(newestFirst)));
      checks.forEach(
          overlapping -> {
            if (overlapping) {
              overlapped.incrementAndGet();
            }
          });
      done += checks.size();
    } while (writing.getCount() > 0);
    return done;
  }

  private ImmutableList<Job> list(JobQuery.Builder query) {
    return store.list(query.pageSize(Integer.MAX_VALUE).build()).results();
  }

  /**
   * Every job returned matches in the version returned, none twice, in the expected order; and
   * every job whose version was the same before and after the query (every stable job, and every
   * mover no write reached meanwhile) is returned if that version matches. Returns whether a move
   * completed while the query ran.
   */
  private boolean check(
      Supplier<ImmutableList<Job>> query, Predicate<Job> filter, Comparator<Job> order) {
    Map<UUID, Job> before = versions();
    long movesBefore = moves.get();
    ImmutableList<Job> results = query.get();
    boolean overlapped = moves.get() != movesBefore;
    Map<UUID, Job> after = versions();
    assertThat(results).allMatch(filter);
    List<UUID> ids = new ArrayList<>();
    results.forEach(job -> ids.add(job.id()));
    assertThat(ids).doesNotHaveDuplicates();
    before.forEach(
        (id, version) -> {
          if (filter.test(version) && sameVersion(version, after.get(id))) {
            assertThat(ids).as("a job that matched throughout the query").contains(id);
          }
        });
    assertThat(results.castToList()).isSortedAccordingTo(order);
    return overlapped;
  }

  /** Every job's current version; writers count versions in {@code num_iterations}. */
  private Map<UUID, Job> versions() {
    Map<UUID, Job> versions = new HashMap<>();
    for (UUID id : creation.keySet()) {
      versions.put(id, store.get(id));
    }
    return versions;
  }

  private static boolean sameVersion(Job job, @Nullable Job later) {
    return later != null && later.numIterations().equals(job.numIterations());
  }

  private JobCreateParams.Builder randomParams(SplittableRandom random) {
    JobCreateParams.Builder params =
        JobCreateParams.builder()
            .status(STATUSES.get(random.nextInt(STATUSES.size())))
            .bestScore(SCORES.get(random.nextInt(SCORES.size())));
    if (random.nextInt(3) != 0) {
      params.project(projects.get(random.nextInt(projects.size())));
    }
    return params;
  }
}
