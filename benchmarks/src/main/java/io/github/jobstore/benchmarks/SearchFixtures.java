package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.store.JobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The jobs {@code search} runs over, and its terms. Job {@code i} of a store of {@code size} jobs
 * (a multiple of 10,000) has:
 *
 * <ul>
 *   <li>{@code prompt_slug} {@code prompt-NNNNN}, {@code NNNNN = i % 10,000}: each slug is held by
 *       {@code size / 10,000} jobs;
 *   <li>{@code analyzer_model} one of four, in turn ({@code i % 4});
 *   <li>{@code data_source} {@code eval-NN}, {@code NN = (i / 4) % 100}: each source is held by
 *       {@code size / 100} jobs, evenly over the four models.
 * </ul>
 *
 * <p>The terms, from most to least selective, with their matches at 1,000,000 jobs: {@link #NONE}
 * (0), {@link #RARE} (100), {@link #TWO_PARTS} (2,500), {@link #COMMON} (250,000). Each is a plain
 * term (no quotes), as {@link H2Condition#search} requires.
 */
final class SearchFixtures {

  /** Matches no job. */
  static final String NONE = "mistral";

  /** One prompt slug: {@code size / 10,000} jobs. */
  static final String RARE = "prompt-04217";

  /** Two parts, one model and one source, each of which must match: {@code size / 400} jobs. */
  static final String TWO_PARTS = "Claude eval-07";

  /** One model of four, in another case than stored: {@code size / 4} jobs. */
  static final String COMMON = "Claude";

  private static final String[] MODELS = {
    "gpt-4o", "claude-3-5-sonnet", "gemini-1.5-pro", "llama-3-70b"
  };

  private SearchFixtures() {}

  /**
   * Creates {@code size} jobs in {@code store} as the class comment describes, one after another;
   * returns them in creation order.
   */
  static List<Job> populate(JobStore store, int size) {
    if (size < 10_000 || size % 10_000 != 0) {
      throw new IllegalArgumentException("size must be a positive multiple of 10000: " + size);
    }
    String[] slugs = names("prompt-%05d", 10_000);
    String[] sources = names("eval-%02d", 100);
    UUID[] projects = Fixtures.projects(size / Fixtures.JOBS_PER_PROJECT, 42);
    List<Job> jobs = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      JobCreateParams params =
          JobCreateParams.builder()
              .project(projects[i % projects.length])
              .jobType(JobType.PROMPT_TUNING)
              .status(JobStatus.COMPLETED)
              .promptSlug(slugs[i % slugs.length])
              .analyzerModel(MODELS[i % MODELS.length])
              .dataSource(sources[(i / MODELS.length) % sources.length])
              .numIterations(10L)
              .bestScore(0.5 + (i % 500) / 1000.0)
              .build();
      jobs.add(store.create(params));
    }
    return jobs;
  }

  private static String[] names(String format, int count) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = String.format(Locale.ROOT, format, i);
    }
    return names;
  }
}
