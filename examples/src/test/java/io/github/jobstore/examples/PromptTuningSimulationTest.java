package io.github.jobstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.Test;

class PromptTuningSimulationTest {

  private static final int JOBS = 24;
  private static final Pattern PROGRESS =
      Pattern.compile(
          "\\[monitor] pending=(\\d+) running=(\\d+) completed=(\\d+) failed=(\\d+)"
              + " cancelled=(\\d+)");

  private final InMemoryJobStore store = PromptTuningSimulation.newStore();

  @Test
  void twoRunsWithTheSameSeedPrintTheSameSummary() throws InterruptedException {
    ImmutableList<ProjectSummary> first = run(store);
    ImmutableList<ProjectSummary> second = run(PromptTuningSimulation.newStore());

    assertThat(second).isEqualTo(first);
    assertThat(ProjectSummary.table(second.castToList()))
        .isEqualTo(ProjectSummary.table(first.castToList()));
  }

  @Test
  void theSummaryListsEveryProjectAndCountsEveryJob() throws InterruptedException {
    ImmutableList<ProjectSummary> summaries = run(store);

    assertThat(summaries.collect(ProjectSummary::project))
        .containsExactlyElementsOf(PromptTuningSimulation.PROJECTS);
    assertThat(summaries.sumOfInt(ProjectSummary::jobs)).isEqualTo(JOBS);
    assertThat(summaries)
        .allSatisfy(s -> assertThat(s.completed() + s.failed()).isEqualTo(s.jobs()));
  }

  @Test
  void everyJobEndsCompletedOrFailedAndSomeOfEach() throws InterruptedException {
    run(store);

    ImmutableList<Job> jobs = allJobs();
    assertThat(jobs).hasSize(JOBS);
    assertThat(jobs).extracting(Job::status).containsOnly(JobStatus.COMPLETED, JobStatus.FAILED);
    assertThat(jobs).extracting(Job::status).contains(JobStatus.COMPLETED, JobStatus.FAILED);
  }

  @Test
  void aCompletedJobRanEveryRoundAndRecordedItsImprovement() throws InterruptedException {
    run(store);

    for (Job job : allJobs().select(job -> job.status() == JobStatus.COMPLETED)) {
      double baseline = job.baselineScore().orElseThrow();
      double best = job.bestScore().orElseThrow();
      assertThat(job.iterations()).hasSize(job.numIterations().orElseThrow().intValue());
      assertThat(job.improvement()).contains(best - baseline);
      assertThat(best).isEqualTo(bestKeptScore(job).orElse(baseline));
    }
  }

  @Test
  void aKeptIterationBeatsTheBaselineAndEveryEarlierIteration() throws InterruptedException {
    run(store);

    for (Job job : allJobs()) {
      double best = job.baselineScore().orElseThrow();
      long order = 0;
      for (Iteration iteration : job.iterations()) {
        order++;
        double score = iteration.avgScore().orElseThrow();
        assertThat(iteration.order()).contains(order);
        assertThat(iteration.iterationName()).isEqualTo(String.format("iter_%03d", order));
        assertThat(iteration.status())
            .contains(score > best ? IterationStatus.KEEP : IterationStatus.DISCARD);
        best = Math.max(best, score);
      }
    }
  }

  @Test
  void aFailedJobSaysWhyAndStoppedBeforeItsLastRound() throws InterruptedException {
    run(store);

    for (Job job : allJobs().select(job -> job.status() == JobStatus.FAILED)) {
      assertThat(job.reportMarkdown()).hasValueSatisfying(r -> assertThat(r).contains("timed out"));
      assertThat(job.bestScore()).isEmpty();
      assertThat((long) job.iterations().size()).isLessThan(job.numIterations().orElseThrow());
    }
  }

  @Test
  void theMonitorsDoneLineHasTheStoresCountsAndTheSummarys() throws InterruptedException {
    List<String> lines = new CopyOnWriteArrayList<>();

    ImmutableList<ProjectSummary> summaries = run(store, lines::add);

    String counts =
        Arrays.stream(JobStatus.values())
            .map(status -> status.wireValue() + "=" + store.findByStatus(status).size())
            .collect(Collectors.joining(" "));
    assertThat(lines).last().isEqualTo("[monitor] done: " + counts);
    assertThat(counts)
        .isEqualTo(
            String.format(
                "pending=0 running=0 completed=%d failed=%d cancelled=0",
                summaries.sumOfInt(ProjectSummary::completed),
                summaries.sumOfInt(ProjectSummary::failed)));
  }

  @Test
  void theMonitorReportsOnceAsEachQuarterOfTheJobsFinishes() throws InterruptedException {
    List<String> lines = new CopyOnWriteArrayList<>();

    run(store, lines::add);

    List<String> progress = lines.subList(0, lines.size() - 1);
    assertThat(progress).hasSize(3);
    long createdBefore = 0;
    for (int i = 0; i < progress.size(); i++) {
      Matcher line = PROGRESS.matcher(progress.get(i));
      assertThat(line.matches()).as(progress.get(i)).isTrue();
      long pending = Long.parseLong(line.group(1));
      long running = Long.parseLong(line.group(2));
      long finished = Long.parseLong(line.group(3)) + Long.parseLong(line.group(4));
      long created = pending + running + finished;
      assertThat(pending).as(progress.get(i)).isZero();
      assertThat(line.group(5)).as(progress.get(i)).isEqualTo("0");
      assertThat(finished).as(progress.get(i)).isEqualTo(6L * (i + 1));
      // A report follows a job's finish, whose worker has not created its next job yet: the store
      // queues every event for the monitor in the order the writes took effect, so the monitor
      // sees at most one running job for each of the 3 other workers.
      assertThat(running).as(progress.get(i)).isBetween(0L, 3L);
      assertThat(created).as(progress.get(i)).isBetween(createdBefore, (long) JOBS);
      createdBefore = created;
    }
  }

  private static ImmutableList<ProjectSummary> run(InMemoryJobStore store)
      throws InterruptedException {
    return run(store, line -> {});
  }

  private static ImmutableList<ProjectSummary> run(
      InMemoryJobStore store, Consumer<String> progress) throws InterruptedException {
    return PromptTuningSimulation.run(store, PromptTuningSimulation.SEED, JOBS, progress);
  }

  private ImmutableList<Job> allJobs() {
    JobQuery all = JobQuery.builder().jobType(JobType.PROMPT_TUNING).pageSize(1_000).build();
    return store.list(all).results();
  }

  private static Optional<Double> bestKeptScore(Job job) {
    return job.iterations()
        .select(iteration -> iteration.status().equals(Optional.of(IterationStatus.KEEP)))
        .collect(iteration -> iteration.avgScore().orElseThrow())
        .maxOptional();
  }
}
