package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The jobs {@link ListBenchmark} lists, and its queries. A store of {@code size} jobs (a multiple
 * of 1,000) holds:
 *
 * <ul>
 *   <li>{@link #PROJECTS} (100) projects, each job's drawn at random from a fixed seed: about
 *       {@code size / 100} jobs a project, 10,000 at 1,000,000 jobs, enough for a page 100 of 50.
 *       (With 1,000 projects a project's list would end at page 20.)
 *   <li>exactly 1% {@code failed} jobs (job {@code i} when {@code i % 100 == 50}), spread evenly
 *       over time and so over projects: 10,000 at 1,000,000 jobs;
 *   <li>every other job {@code completed}.
 * </ul>
 *
 * <p>The project the queries filter on is that of the first failed job, so the combined filter
 * ({@code failed} in that project) matches at least one job at every size: about {@code size /
 * 10,000}.
 */
final class ListFixtures {

  static final int PROJECTS = 100;

  static final int PAGE_SIZE = 50;

  /** The page a deep list asks for, when its answer has that many pages. */
  static final int DEEP_PAGE = 100;

  private ListFixtures() {}

  /** The jobs a list filters, by what they are filtered on. */
  enum Filter {
    NONE,
    FAILED,
    PROJECT,
    FAILED_IN_PROJECT
  }

  /**
   * Creates {@code size} jobs in {@code store} as the class comment describes, one after another;
   * returns them in creation order.
   */
  static List<Job> populate(JobStore store, int size) {
    if (size < 1_000 || size % 1_000 != 0) {
      throw new IllegalArgumentException("size must be a positive multiple of 1000: " + size);
    }
    UUID[] projects = Fixtures.projects(PROJECTS, 42);
    JobCreateParams[] completed = new JobCreateParams[PROJECTS];
    JobCreateParams[] failed = new JobCreateParams[PROJECTS];
    for (int p = 0; p < PROJECTS; p++) {
      completed[p] = Fixtures.typicalJob(projects[p], JobStatus.COMPLETED);
      failed[p] = Fixtures.typicalJob(projects[p], JobStatus.FAILED);
    }
    Random random = new Random(7);
    List<Job> jobs = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      int project = random.nextInt(PROJECTS);
      jobs.add(store.create(i % 100 == 50 ? failed[project] : completed[project]));
    }
    return jobs;
  }

  /** The project the queries filter on: the first failed job's. */
  static UUID project(List<Job> jobs) {
    return jobs.get(50).project().orElseThrow();
  }

  /** The query for {@code filter} and {@code project}, at page 1 of {@link #PAGE_SIZE}. */
  static JobQuery query(Filter filter, UUID project) {
    JobQuery.Builder query = JobQuery.builder();
    if (filter == Filter.FAILED || filter == Filter.FAILED_IN_PROJECT) {
      query.status(JobStatus.FAILED);
    }
    if (filter == Filter.PROJECT || filter == Filter.FAILED_IN_PROJECT) {
      query.project(project);
    }
    return query.pageSize(PAGE_SIZE).build();
  }

  /** The SQL condition of {@link #query}. */
  static H2Condition condition(Filter filter, UUID project) {
    return switch (filter) {
      case NONE -> H2Condition.of("TRUE");
      case FAILED -> H2Condition.of("status = ?", JobStatus.FAILED.wireValue());
      case PROJECT -> H2Condition.of("project = ?", project);
      case FAILED_IN_PROJECT ->
          H2Condition.of("status = ? AND project = ?", JobStatus.FAILED.wireValue(), project);
    };
  }

  /**
   * {@link #DEEP_PAGE}, or the last page of {@code jobs}' matches for {@code filter} when there are
   * fewer pages.
   */
  static int deepPage(List<Job> jobs, Filter filter, UUID project) {
    JobQuery query = query(filter, project);
    long count = jobs.stream().filter(query::matches).count();
    long pages = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
    return (int) Math.min(DEEP_PAGE, pages);
  }
}
