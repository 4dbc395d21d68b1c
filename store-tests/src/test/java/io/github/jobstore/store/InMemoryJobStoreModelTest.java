package io.github.jobstore.store;

import static io.github.jobstore.store.ModelCoverage.ITERATION_SEARCH_HITS;
import static io.github.jobstore.store.ModelCoverage.ITERATION_SEARCH_MISSES;
import static io.github.jobstore.store.ModelCoverage.ITERATION_TIES;
import static io.github.jobstore.store.ModelCoverage.JOB_SEARCH_HITS;
import static io.github.jobstore.store.ModelCoverage.JOB_SEARCH_MISSES;
import static io.github.jobstore.store.ModelCoverage.JOB_TIES;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.store.JobStoreModel.Outcome;
import io.github.jobstore.store.RandomIterationOperations.IterationChange;
import io.github.jobstore.store.RandomOperations.Change;
import io.github.jobstore.testkit.MutableClock;
import io.github.jobstore.testkit.Property;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Applies random sequences of operations both to an {@link InMemoryJobStore} and to a deliberately
 * naive reference model ({@link JobStoreModel}: a map of jobs, filtered and sorted by brute force),
 * and compares them after every step. {@link RandomOperations} draws the operations' inputs. A
 * failure names the seed ({@link Property}) and lists the steps of the failing sequence.
 */
class InMemoryJobStoreModelTest {

  /** Where the clock of every sequence starts: an instant with nanoseconds, so truncation shows. */
  static final Instant START = Instant.parse("2026-03-01T12:00:00.123456789Z");

  /**
   * Also checks that the sequences' searches and orderings reach the cases they are drawn for:
   * without that, the comparisons of {@code list} and {@code listIterations} could pass whatever
   * the store did.
   */
  @Test
  void shortRandomSequencesMatchTheModel() {
    ModelCoverage coverage = new ModelCoverage();
    Property.forAll(
        2_000, random -> random.nextLong(), seed -> new Run(seed, 40, coverage).execute());
    for (String search : List.of(JOB_SEARCH_HITS, ITERATION_SEARCH_HITS)) {
      assertThat(coverage.share(search)).as(coverage::toString).isBetween(0.3, 0.7);
    }
    // Each share comes from about a hundred queries, so it moves by some 5 points from one seed to
    // the next (each property now has its own): 0.2 still shows the case is reached often, and
    // no seed fails it by chance.
    for (String often :
        List.of(JOB_SEARCH_MISSES, ITERATION_SEARCH_MISSES, JOB_TIES, ITERATION_TIES)) {
      assertThat(coverage.share(often)).as(coverage::toString).isGreaterThan(0.2);
    }
  }

  @Test
  void longRandomSequencesMatchTheModel() {
    Property.forAll(
        40, random -> random.nextLong(), seed -> new Run(seed, 600, new ModelCoverage()).execute());
  }

  /** One random sequence of operations against a fresh store and a fresh model. */
  private static final class Run {

    private final long seed;
    private final int steps;
    private final SplittableRandom random;
    private final MutableClock clock = new MutableClock(START);
    private final List<UUID> issued = new ArrayList<>();
    private final JobStore store;
    private final JobStoreModel model = new JobStoreModel();
    private final List<String> log = new ArrayList<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final Set<UUID> deleted = new LinkedHashSet<>();
    private final Set<UUID> deletedIterations = new LinkedHashSet<>();
    private final RandomOperations operations;
    private final RandomIterationOperations iterationOperations;
    private final ModelCoverage coverage;

    Run(long seed, int steps, ModelCoverage coverage) {
      this.seed = seed;
      this.steps = steps;
      this.coverage = coverage;
      this.random = new SplittableRandom(seed);
      SplittableRandom ids = random.split();
      this.store =
          InMemoryJobStore.builder()
              .clock(clock)
              .idGenerator(
                  () -> {
                    UUID id = new UUID(ids.nextLong(), ids.nextLong());
                    issued.add(id);
                    return id;
                  })
              .build();
      this.operations = new RandomOperations(random, model);
      this.iterationOperations = new RandomIterationOperations(random, model, operations);
    }

    void execute() {
      try {
        for (int step = 1; step <= steps; step++) {
          moveClock();
          step();
          compareEverything();
        }
        for (Snapshot snapshot : snapshots) {
          assertThat(snapshot.returned())
              .as("a job the store returned earlier must never change")
              .isEqualTo(snapshot.expected());
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "Sequence " + seed + " failed after these steps:\n" + String.join("\n", log), e);
      }
    }

    private void moveClock() {
      int kind = random.nextInt(20);
      if (kind == 0) {
        clock.advance(Duration.ofNanos(-random.nextLong(1, 5_000_000)));
      } else if (kind > 5) {
        clock.advance(Duration.ofNanos(random.nextLong(1, 5_000_000)));
      }
    }

    private void step() {
      int kind = random.nextInt(130);
      if (kind >= 100) {
        iterationStep(kind - 100);
      } else if (kind < 20) {
        create();
      } else if (kind < 40) {
        update();
      } else if (kind < 55) {
        append();
      } else if (kind < 62) {
        delete();
      } else if (kind < 70) {
        findAndGet();
      } else if (kind < 77) {
        findByProject();
      } else if (kind < 84) {
        findByStatus();
      } else {
        list();
      }
    }

    private void iterationStep(int kind) {
      if (kind < 8) {
        createIteration();
      } else if (kind < 18) {
        updateIteration();
      } else if (kind < 22) {
        deleteIteration();
      } else if (kind < 25) {
        findIteration();
      } else {
        listIterations();
      }
    }

    private void create() {
      JobCreateParams params = operations.createParams();
      log.add(shorten("create " + params));
      Job created = store.create(params);
      UUID id = lastIssued();
      Job expected = model.create(params, id, now());
      assertThat(created).isEqualTo(expected);
      remember(created, expected);
    }

    private void update() {
      UUID id = operations.target(deleted);
      Change change = operations.change();
      log.add("update " + id + " with " + change.description());
      Instant now = now();
      Outcome<Job> expected = model.update(id, change.operator(), now);
      Throwable thrown = catchThrowable(() -> remember(store.update(id, change.operator()), id));
      RuntimeException failure = change.failure();
      expectOutcome(expected, thrown, failure != null && failure == expected.failure());
    }

    private void append() {
      UUID id = operations.target(deleted);
      IterationCreateParams params = operations.iterationParams();
      log.add(shorten("append to " + id + ": " + params));
      Instant now = now();
      Iteration[] appended = new Iteration[1];
      Throwable thrown = catchThrowable(() -> appended[0] = store.appendIteration(id, params));
      Outcome<Iteration> expected =
          model.append(id, params, thrown == null ? lastIssued() : new UUID(0, 0), now);
      expectOutcome(expected, thrown, false);
      if (appended[0] != null) {
        assertThat(appended[0]).isEqualTo(expected.value());
      }
    }

    private void createIteration() {
      IterationCreateParams params = iterationOperations.createParams(deleted);
      log.add(shorten("createIteration " + params));
      Instant now = now();
      Iteration[] created = new Iteration[1];
      Throwable thrown = catchThrowable(() -> created[0] = store.createIteration(params));
      Outcome<Iteration> expected =
          model.createIteration(params, thrown == null ? lastIssued() : new UUID(0, 0), now);
      expectOutcome(expected, thrown, false);
      if (created[0] != null) {
        assertThat(created[0]).isEqualTo(expected.value());
      }
    }

    private void updateIteration() {
      UUID id = iterationOperations.target(deletedIterations);
      IterationChange change = iterationOperations.change(deleted);
      log.add("updateIteration " + id + " with " + change.description());
      Outcome<Iteration> expected = model.updateIteration(id, change.operator());
      Iteration[] updated = new Iteration[1];
      Throwable thrown =
          catchThrowable(() -> updated[0] = store.updateIteration(id, change.operator()));
      RuntimeException failure = change.failure();
      expectOutcome(expected, thrown, failure != null && failure == expected.failure());
      if (updated[0] != null) {
        assertThat(updated[0]).isEqualTo(expected.value());
      }
    }

    private void deleteIteration() {
      UUID id = iterationOperations.target(deletedIterations);
      log.add("deleteIteration " + id);
      boolean expected = model.deleteIteration(id);
      assertThat(store.deleteIteration(id)).isEqualTo(expected);
      if (expected) {
        deletedIterations.add(id);
      }
    }

    private void findIteration() {
      UUID id = iterationOperations.target(deletedIterations);
      log.add("findIteration and getIteration " + id);
      Optional<Iteration> expected = model.findIteration(id);
      assertThat(store.findIteration(id)).isEqualTo(expected);
      if (expected.isPresent()) {
        assertThat(store.getIteration(id)).isEqualTo(expected.get());
      } else {
        assertThatExceptionOfType(IterationNotFoundException.class)
            .isThrownBy(() -> store.getIteration(id))
            .withMessage("No iteration with id " + id + ".");
      }
    }

    private void listIterations() {
      ModelIterationQuery query = iterationOperations.query();
      log.add("listIterations " + query);
      Outcome<Page<Iteration>> expected = model.listIterations(query);
      coverage.listIterations(query, model, expected);
      Throwable thrown =
          catchThrowable(
              () -> {
                Page<Iteration> page = store.listIterations(query.toIterationQuery());
                Page<Iteration> want = expected.value();
                assertThat(page.results()).containsExactlyElementsOf(want.results());
                assertThat(page).isEqualTo(want);
              });
      if (expected.failure() != null) {
        assertThat(thrown)
            .isInstanceOf(InvalidPageException.class)
            .hasMessage(expected.failure().getMessage());
      } else if (thrown != null) {
        throw new AssertionError("listIterations threw unexpectedly", thrown);
      }
    }

    private void delete() {
      UUID id = operations.target(deleted);
      log.add("delete " + id);
      boolean expected = model.delete(id);
      assertThat(store.delete(id)).isEqualTo(expected);
      if (expected) {
        deleted.add(id);
      }
    }

    private void findAndGet() {
      UUID id = operations.target(deleted);
      log.add("find and get " + id);
      Optional<Job> expected = model.find(id);
      Optional<Job> found = store.find(id);
      assertThat(found).isEqualTo(expected);
      found.ifPresent(job -> remember(job, expected.orElseThrow()));
      if (expected.isPresent()) {
        assertThat(store.get(id)).isEqualTo(expected.get());
      } else {
        assertThatExceptionOfType(JobNotFoundException.class)
            .isThrownBy(() -> store.get(id))
            .withMessage("No job with id " + id + ".");
      }
    }

    private void findByProject() {
      UUID project = operations.project();
      log.add("findByProject " + project);
      assertThat(store.findByProject(project))
          .containsExactlyElementsOf(
              model.select(job -> job.project().equals(Optional.of(project))));
    }

    private void findByStatus() {
      JobStatus status = operations.status();
      log.add("findByStatus " + status);
      assertThat(store.findByStatus(status))
          .containsExactlyElementsOf(model.select(job -> job.status() == status));
    }

    private void list() {
      ModelQuery query = operations.query(now());
      log.add("list " + query);
      Outcome<Page<Job>> expected = model.list(query);
      coverage.list(query, model, expected);
      Throwable thrown = catchThrowable(() -> compareList(expected, query));
      if (expected.failure() != null) {
        assertThat(thrown)
            .isInstanceOf(InvalidPageException.class)
            .hasMessage(expected.failure().getMessage());
      } else if (thrown != null) {
        throw new AssertionError("list threw unexpectedly", thrown);
      }
    }

    private void compareList(Outcome<Page<Job>> expected, ModelQuery query) {
      Page<Job> page = store.list(query.toJobQuery());
      Page<Job> want = expected.value();
      assertThat(page.results()).containsExactlyElementsOf(want.results());
      assertThat(page.count()).isEqualTo(want.count());
      assertThat(page.page()).isEqualTo(want.page());
      assertThat(page.pageSize()).isEqualTo(want.pageSize());
      assertThat(page.hasNext()).isEqualTo(want.hasNext());
      assertThat(page.hasPrevious()).isEqualTo(want.hasPrevious());
    }

    /** Every job is found as the model has it, and the default listing agrees. */
    private void compareEverything() {
      for (Job job : model.all()) {
        assertThat(store.find(job.id())).contains(job);
      }
      for (UUID id : deleted) {
        assertThat(store.find(id)).isEmpty();
      }
      List<Optional<Iteration>> expected = new ArrayList<>();
      List<Optional<Iteration>> found = new ArrayList<>();
      for (Iteration iteration : model.allIterations()) {
        expected.add(Optional.of(iteration));
        found.add(store.findIteration(iteration.id()));
      }
      for (UUID id : deletedIterations) {
        expected.add(Optional.empty());
        found.add(store.findIteration(id));
      }
      assertThat(found).as("every iteration found as the model has it").isEqualTo(expected);
      Page<Job> all = store.list(JobQuery.builder().pageSize(Integer.MAX_VALUE).build());
      assertThat(all.results()).containsExactlyElementsOf(model.select(job -> true));
      assertThat(all.count()).isEqualTo(model.size());
    }

    private <T> void expectOutcome(
        Outcome<T> expected, @Nullable Throwable thrown, boolean sameInstance) {
      RuntimeException failure = expected.failure();
      if (failure == null) {
        if (thrown != null) {
          throw new AssertionError("the store threw unexpectedly", thrown);
        }
        return;
      }
      if (sameInstance) {
        assertThat(thrown).as("the exception of the change, unchanged").isSameAs(failure);
        return;
      }
      assertThat(thrown).isInstanceOf(failure.getClass()).hasMessage(failure.getMessage());
      if (failure instanceof ValidationException validation) {
        assertThat(((ValidationException) requireNonNull(thrown)).violations())
            .containsExactlyElementsOf(validation.violations());
      }
    }

    private void remember(Job returned, UUID id) {
      Job expected = model.find(id).orElseThrow();
      assertThat(returned).as("the job the store returned").isEqualTo(expected);
      remember(returned, expected);
    }

    private void remember(Job returned, Job expected) {
      if (random.nextInt(4) == 0) {
        snapshots.add(new Snapshot(returned, expected));
      }
    }

    private UUID lastIssued() {
      assertThat(issued).as("the store must take ids from the generator").isNotEmpty();
      return issued.get(issued.size() - 1);
    }

    private Instant now() {
      return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String shorten(String step) {
      return step.length() <= 300 ? step : step.substring(0, 300) + "…";
    }
  }

  /** A job the store returned, and what it was equal to then. */
  private record Snapshot(Job returned, Job expected) {}
}
