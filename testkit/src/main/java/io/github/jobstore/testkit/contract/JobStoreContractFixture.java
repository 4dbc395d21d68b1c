package io.github.jobstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.store.IterationNotFoundException;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import io.github.jobstore.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What every test interface of the {@link JobStoreContract} reaches: the store under test and its
 * clock, which {@link JobStoreContract} makes fresh for each test, and the helpers more than one
 * concern uses to make jobs and read them back. Helpers of a single concern stay private to its
 * interface.
 *
 * <p>The static helpers are not inherited; the test interfaces import them statically.
 */
interface JobStoreContractFixture {

  /** Returns the store under test, new for this test. */
  JobStore store();

  /** Returns the clock the store under test reads. */
  MutableClock clock();

  /** Creates a job from empty params. */
  default Job create() {
    return store().create(JobCreateParams.builder().build());
  }

  /** Creates a job from {@code params}. */
  default Job create(JobCreateParams params) {
    return store().create(params);
  }

  /** Creates a job from empty params that {@code params} sets fields of. */
  default Job create(UnaryOperator<JobCreateParams.Builder> params) {
    return store().create(params.apply(JobCreateParams.builder()).build());
  }

  /** Sets the clock to {@code instant}, then creates a job from empty params. */
  default Job createAt(Instant instant) {
    clock().set(instant);
    return create();
  }

  /** Sets the clock to {@code instant}, then creates a job as {@link #create(UnaryOperator)}. */
  default Job createAt(Instant instant, UnaryOperator<JobCreateParams.Builder> params) {
    clock().set(instant);
    return create(params);
  }

  /** Lists page {@code page} of the query that {@code query} builds. */
  default Page<Job> page(UnaryOperator<JobQuery.Builder> query, int page) {
    return store().list(query.apply(JobQuery.builder()).page(page).build());
  }

  /** Lists the query that {@code query} builds and returns the ids of the jobs, in order. */
  default List<UUID> list(UnaryOperator<JobQuery.Builder> query) {
    return ids(store().list(query.apply(JobQuery.builder()).build()).results());
  }

  /** Returns the ids of {@code jobs}, in order. */
  static List<UUID> ids(Iterable<Job> jobs) {
    List<UUID> ids = new ArrayList<>();
    jobs.forEach(job -> ids.add(job.id()));
    return ids;
  }

  /** Returns a reversed copy of {@code ids}. */
  static List<UUID> reversed(List<UUID> ids) {
    List<UUID> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);
    return reversed;
  }

  /** Returns create params with every field set. */
  static JobCreateParams.Builder everyField() {
    return JobCreateParams.builder()
        .agent(UUID.randomUUID())
        .analyzerModel("claude")
        .backtestResults(JsonObject.of(Map.of("sharpe", 1.25)))
        .baselineScore(0.5)
        .bestAgentCode("def agent(): return 1")
        .bestScore(0.875)
        .candidatesPerIteration(8)
        .celeryTaskId("celery-1")
        .dataSource("s3")
        .improvement(0.375)
        .jobType(JobType.PROMPT_TUNING)
        .numIterations(12)
        .project(UUID.randomUUID())
        .promptSlug("summarize")
        .reportMarkdown("# Report")
        .result(JsonObject.of(Map.of("ok", true)))
        .status(JobStatus.RUNNING)
        .triggeredBy(42);
  }

  /**
   * Asserts that {@code call} throws {@link JobNotFoundException} for {@code id}, with the message
   * that names it.
   */
  static void assertJobNotFound(ThrowingCallable call, UUID id) {
    assertThatExceptionOfType(JobNotFoundException.class)
        .isThrownBy(call)
        .withMessage("No job with id %s.", id)
        .satisfies(e -> assertThat(e.id()).isEqualTo(id));
  }

  /**
   * Asserts that {@code call} throws {@link IterationNotFoundException} for {@code id}, with the
   * message that names it.
   */
  static void assertIterationNotFound(ThrowingCallable call, UUID id) {
    assertThatExceptionOfType(IterationNotFoundException.class)
        .isThrownBy(call)
        .withMessage("No iteration with id %s.", id)
        .satisfies(e -> assertThat(e.id()).isEqualTo(id));
  }

  /** Creates an iteration of {@code job} from {@code params}, through {@code createIteration}. */
  default Iteration createIteration(UUID job, IterationCreateParams params) {
    return store().createIteration(params.withJob(job));
  }

  /** Returns iteration params with only a name: the store picks the order. */
  static IterationCreateParams iteration(String name) {
    return IterationCreateParams.builder().iterationName(name).build();
  }

  /** Returns iteration params with a name and an explicit order. */
  static IterationCreateParams iteration(String name, long order) {
    return IterationCreateParams.builder().iterationName(name).order(order).build();
  }
}
