package io.github.jobstore.testkit.junit;

import static io.github.jobstore.testkit.junit.Fixtures.SEEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.json.JobJson;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.IterationCreated;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.MutableClock;
import io.github.jobstore.testkit.Property;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class JobStoreExtensionTest {

  private static final JobJson JSON = JobJson.create();

  @Test
  void injectsOneStoreClockAndRecorderIntoBeforeEachTheTestAndAfterEach() {
    EngineExecutionResults results = run(Fixtures.InjectsEveryType.class);

    assertThat(failures(results.testEvents())).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isOne();
    List<?> before = (List<?>) SEEN.get(0);
    assertThat(before.get(0)).isInstanceOf(InMemoryJobStore.class).isSameAs(before.get(1));
    assertThat(before.get(2)).isInstanceOf(MutableClock.class);
    assertThat(before.get(3)).isInstanceOf(JobStoreRecorder.class);
    assertSameInstances((List<?>) SEEN.get(2), before);
    assertSameInstances((List<?>) SEEN.get(4), before);
    assertThat(SEEN.get(1)).isEqualTo(JobStoreExtension.START);
    Job created = (Job) SEEN.get(3);
    assertThat(created.createdAt()).isEqualTo(JobStoreExtension.START);
    assertThat(created.id().version()).isEqualTo(4);
  }

  @Test
  void eachTestRepetitionAndInvocationGetsAStoreOfItsOwn() {
    EngineExecutionResults results = run(Fixtures.MakesAStorePerTest.class);

    assertThat(failures(results.testEvents())).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(5);
    assertThat(SEEN).hasSize(5).doesNotHaveDuplicates();
    for (Object store : SEEN) {
      assertThat(((JobStore) store).list(JobQuery.builder().build()).count()).isOne();
    }
  }

  @Test
  void theRecorderRecordsTheStoresEventsUntilTheTestIsOver() {
    EngineExecutionResults results = run(Fixtures.Records.class);

    assertThat(failures(results.testEvents())).isEmpty();
    JobStore store = (JobStore) SEEN.get(2);
    JobStoreRecorder recorder = (JobStoreRecorder) SEEN.get(3);
    assertThat(recorder.events())
        .containsExactly(
            new JobCreated((Job) SEEN.get(0)), new IterationCreated((Iteration) SEEN.get(1)));
    try (JobStoreRecorder after = JobStoreRecorder.attach(store)) {
      store.create(JobCreateParams.builder().build());
      assertThat(after.awaitUntil(r -> r.events().size() == 1, Duration.ofSeconds(10))).isTrue();
    }
    assertThat(recorder.events()).hasSize(2);
  }

  @Test
  void aFailedTestReportsEveryJobOfItsStoreNewestFirstInTheWireFormat() {
    Property.forAll(
        12,
        random -> random.nextLong(),
        seed -> {
          Fixtures.seed = seed;
          EngineExecutionResults results = run(Fixtures.FailsHoldingGeneratedJobs.class);

          assertThat(failureMessages(results.testEvents())).containsExactly("fails on purpose");
          List<Map<String, String>> reports = reports(results);
          assertThat(reports).hasSize(1);
          assertThat(reports.get(0)).containsOnlyKeys(JobsReport.JOBS);
          List<Job> newestFirst = new ArrayList<>();
          SEEN.forEach(job -> newestFirst.add(0, (Job) job));
          assertThat(jobsIn(reports.get(0))).isEqualTo(newestFirst);
        });
  }

  @Test
  void aReportHoldsAtMostTheNewestHundredJobsAndSaysHowManyItLeftOut() {
    EngineExecutionResults results = run(Fixtures.FailsHolding.class);

    assertThat(failureMessages(results.testEvents()))
        .containsExactly("fails on purpose", "fails on purpose");
    List<Map<String, String>> reports = reports(results);
    assertThat(reports).hasSize(2);
    assertThat(reports.get(0)).containsOnlyKeys(JobsReport.JOBS);
    assertThat(idsIn(reports.get(0))).isEqualTo(newestFirst(SEEN.get(0)));
    assertThat(reports.get(1)).containsOnlyKeys(JobsReport.JOBS, JobsReport.OMITTED);
    assertThat(idsIn(reports.get(1))).isEqualTo(newestFirst(SEEN.get(1)).subList(0, 100));
    assertThat(reports.get(1).get(JobsReport.OMITTED))
        .isEqualTo("the store held 101 jobs; the report shows the newest 100 and leaves out 1");
  }

  @Test
  void aFailureInAfterEachIsReportedToo() {
    EngineExecutionResults results = run(Fixtures.FailsInAfterEach.class);

    assertThat(failureMessages(results.testEvents())).containsExactly("fails on purpose");
    List<Map<String, String>> reports = reports(results);
    assertThat(reports).hasSize(1);
    assertThat(jobsIn(reports.get(0))).containsExactly((Job) SEEN.get(0));
  }

  @Test
  void aPassingTestReportsNothing() {
    EngineExecutionResults results = run(Fixtures.Passes.class);

    assertThat(results.testEvents().succeeded().count()).isOne();
    assertThat(reports(results)).isEmpty();
  }

  @Test
  void aFailedTestThatMadeNoStoreReportsNothing() {
    EngineExecutionResults results = run(Fixtures.FailsWithoutAStore.class);

    assertThat(failureMessages(results.testEvents())).containsExactly("fails on purpose");
    assertThat(reports(results)).isEmpty();
  }

  @Test
  void anAbortedTestReportsNothing() {
    EngineExecutionResults results = run(Fixtures.IsAborted.class);

    assertThat(results.testEvents().aborted().count()).isOne();
    assertThat(reports(results)).isEmpty();
  }

  @Test
  void aBeforeAllMethodCannotTakeAStore() {
    EngineExecutionResults results = run(Fixtures.InjectsIntoBeforeAll.class);

    assertThat(failures(results.containerEvents()))
        .singleElement(THROWABLE)
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "JobStoreExtension makes a new store for each test, so it cannot inject"
                + " InMemoryJobStore into InjectsIntoBeforeAll.setUp, which runs outside any one"
                + " test: take it in a @Test, @BeforeEach or @AfterEach method instead");
    assertThat(results.testEvents().started().count()).isZero();
  }

  @Test
  void aConstructorCannotTakeAClock() {
    EngineExecutionResults results = run(Fixtures.InjectsIntoAConstructor.class);

    assertThat(failures(results.testEvents()))
        .singleElement(THROWABLE)
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessage(
            "JobStoreExtension makes a new store for each test, so it cannot inject MutableClock"
                + " into the constructor of InjectsIntoAConstructor, which runs outside any one"
                + " test: take it in a @Test, @BeforeEach or @AfterEach method instead");
  }

  @Test
  void aPlainClockIsNotInjected() {
    EngineExecutionResults results = run(Fixtures.AsksForAClock.class);

    assertThat(failures(results.testEvents()))
        .singleElement(THROWABLE)
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageStartingWith("No ParameterResolver registered for parameter [java.time.Clock ");
  }

  @Test
  void theFixturesAreSkippedByAnyOtherRun() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(Fixtures.FailsWithoutAStore.class))
            .execute();

    assertThat(results.containerEvents().skipped().count()).isOne();
    assertThat(results.testEvents().started().count()).isZero();
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(Fixtures.LAUNCHED, "true")
        .selectors(selectClass(fixture))
        .execute();
  }

  /** What each unsuccessful finished event threw, in order. */
  private static List<Throwable> failures(Events events) {
    return events.finished().stream()
        .map(event -> event.getRequiredPayload(TestExecutionResult.class))
        .filter(result -> result.getStatus() != TestExecutionResult.Status.SUCCESSFUL)
        .map(result -> result.getThrowable().orElseThrow())
        .toList();
  }

  private static List<String> failureMessages(Events events) {
    return failures(events).stream().map(Throwable::getMessage).map(Objects::toString).toList();
  }

  private static List<Map<String, String>> reports(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
        .toList();
  }

  /**
   * Reads a report's {@code jobstore.jobs} array with Jackson's parser, and each element, exactly
   * as it stands in the array, with {@link JobJson#readJob}.
   */
  private static List<Job> jobsIn(Map<String, String> report) {
    String array = Objects.requireNonNull(report.get(JobsReport.JOBS), "no jobs in " + report);
    List<Job> jobs = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(array)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getCharOffset();
        jobs.add(JSON.readJob(array.substring(start, end)));
      }
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
      assertThat(parser.nextToken()).isNull();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jobs;
  }

  private static List<UUID> idsIn(Map<String, String> report) {
    return jobsIn(report).stream().map(Job::id).toList();
  }

  private static List<UUID> newestFirst(Object createdIds) {
    List<UUID> ids = new ArrayList<>();
    ((List<?>) createdIds).forEach(id -> ids.add(0, (UUID) id));
    return ids;
  }

  private static void assertSameInstances(List<?> actual, List<?> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).isSameAs(expected.get(i));
    }
  }
}
