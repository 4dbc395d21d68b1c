package io.github.jobstore.testkit.junit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.MutableClock;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test classes that {@link JobStoreExtensionTest} runs with the Jupiter engine, each of them one
 * situation for the extension; several fail on purpose. They run only when launched with the
 * configuration parameter {@link #LAUNCHED} (see {@link Fixture}), and record what they were given
 * in {@link #SEEN} for the test to read.
 */
final class Fixtures {

  /** The configuration parameter that {@link JobStoreExtensionTest} sets when it runs a fixture. */
  static final String LAUNCHED = "jobstore.testkit.junit.fixtures";

  /** What the fixtures saw, in the order they saw it; cleared before each run. */
  static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  /** The seed of {@link FailsHoldingGeneratedJobs}' jobs, set before each run. */
  static volatile long seed;

  private Fixtures() {}

  /**
   * Runs a class with {@link JobStoreExtension}, only under {@link JobStoreExtensionTest}: Surefire
   * skips these nested classes ({@code **}{@code /*$*} is one of its default excludes), but an IDE
   * that runs every class of a folder would run them too, and their planned failures would look
   * like real ones. A condition on a configuration parameter, which only the engine run by the test
   * sets, keeps them out of every other run without a JVM-wide system property.
   */
  @Target(TYPE)
  @Retention(RUNTIME)
  @ExtendWith(JobStoreExtension.class)
  @EnabledIf("io.github.jobstore.testkit.junit.Fixtures#launched")
  @interface Fixture {}

  static boolean launched(ExtensionContext context) {
    return context.getConfigurationParameter(LAUNCHED).isPresent();
  }

  @Fixture
  static class InjectsEveryType {

    @BeforeEach
    void before(
        InMemoryJobStore store, JobStore asJobStore, MutableClock clock, JobStoreRecorder r) {
      SEEN.add(List.of(store, asJobStore, clock, r));
      SEEN.add(clock.instant());
    }

    @Test
    void test(InMemoryJobStore store, JobStore asJobStore, MutableClock clock, JobStoreRecorder r) {
      SEEN.add(List.of(store, asJobStore, clock, r));
      SEEN.add(store.create(JobCreateParams.builder().build()));
    }

    @AfterEach
    void after(
        InMemoryJobStore store, JobStore asJobStore, MutableClock clock, JobStoreRecorder r) {
      SEEN.add(List.of(store, asJobStore, clock, r));
    }
  }

  @Fixture
  static class MakesAStorePerTest {

    @RepeatedTest(2)
    void repeated(InMemoryJobStore store) {
      createOneJob(store);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void parameterized(int argument, InMemoryJobStore store) {
      createOneJob(store);
    }

    @Test
    void plain(InMemoryJobStore store) {
      createOneJob(store);
    }

    private static void createOneJob(InMemoryJobStore store) {
      store.create(JobCreateParams.builder().build());
      SEEN.add(store);
    }
  }

  @Fixture
  static class Records {

    @Test
    void test(InMemoryJobStore store, JobStoreRecorder recorder) {
      Job job = store.create(JobCreateParams.builder().build());
      SEEN.add(job);
      SEEN.add(store.appendIteration(job.id(), iteration("first")));
      assertThat(recorder.awaitUntil(r -> r.events().size() == 2, Duration.ofSeconds(10))).isTrue();
      SEEN.add(store);
      SEEN.add(recorder);
    }
  }

  @Fixture
  static class FailsHoldingGeneratedJobs {

    @Test
    void test(InMemoryJobStore store, MutableClock clock) {
      SplittableRandom random = new SplittableRandom(seed);
      List<Job> created = new ArrayList<>();
      int jobs = random.nextInt(6);
      for (int i = 0; i < jobs; i++) {
        // Half the jobs share the previous one's created_at: ties go to the newest created.
        clock.advance(Duration.ofNanos(1_000L * random.nextInt(2)));
        created.add(store.create(JobGenerators.validCreateParams().next(random)));
        if (random.nextBoolean()) {
          Job some = created.get(random.nextInt(created.size()));
          store.appendIteration(some.id(), JobGenerators.validIterationCreateParams().next(random));
        }
      }
      for (Job job : created) {
        SEEN.add(store.find(job.id()).orElseThrow());
      }
      fail("fails on purpose");
    }
  }

  @Fixture
  static class FailsHolding {

    @ParameterizedTest
    @ValueSource(ints = {JobsReport.MAX_JOBS, JobsReport.MAX_JOBS + 1})
    void jobs(int count, InMemoryJobStore store, MutableClock clock) {
      List<Object> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        clock.advance(Duration.ofSeconds(1));
        ids.add(store.create(JobCreateParams.builder().build()).id());
      }
      SEEN.add(ids);
      fail("fails on purpose");
    }
  }

  @Fixture
  static class FailsInAfterEach {

    @Test
    void test(InMemoryJobStore store) {
      SEEN.add(store.create(JobCreateParams.builder().build()));
    }

    @AfterEach
    void after() {
      fail("fails on purpose");
    }
  }

  @Fixture
  static class FailsWithoutAStore {

    @Test
    void test() {
      fail("fails on purpose");
    }
  }

  @Fixture
  static class Passes {

    @Test
    void test(InMemoryJobStore store) {
      store.create(JobCreateParams.builder().build());
    }
  }

  @Fixture
  static class IsAborted {

    @Test
    void test(InMemoryJobStore store) {
      store.create(JobCreateParams.builder().build());
      assumeTrue(false, "aborts on purpose");
    }
  }

  @Fixture
  static class InjectsIntoBeforeAll {

    @BeforeAll
    static void setUp(InMemoryJobStore store) {}

    @Test
    void test() {}
  }

  @Fixture
  static class InjectsIntoAConstructor {

    InjectsIntoAConstructor(MutableClock clock) {}

    @Test
    void test() {}
  }

  @Fixture
  static class AsksForAClock {

    @Test
    void test(Clock clock) {}
  }

  private static IterationCreateParams iteration(String name) {
    return IterationCreateParams.builder().iterationName(name).build();
  }
}
