package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.store.JobQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A list query, kept apart from {@link JobQuery} so the model never relies on it. */
record ModelQuery(
    Optional<UUID> project,
    Optional<UUID> agent,
    Optional<JobStatus> status,
    Optional<JobType> jobType,
    Optional<String> analyzerModel,
    Optional<String> dataSource,
    Optional<String> promptSlug,
    Optional<Instant> createdAfter,
    Optional<Instant> createdBefore,
    Optional<Double> scoreMin,
    Optional<Double> scoreMax,
    Optional<String> search,
    Optional<String> ordering,
    Optional<Integer> page,
    Optional<Integer> pageSize) {

  ModelQuery withPage(Optional<Integer> page) {
    return new ModelQuery(
        project,
        agent,
        status,
        jobType,
        analyzerModel,
        dataSource,
        promptSlug,
        createdAfter,
        createdBefore,
        scoreMin,
        scoreMax,
        search,
        ordering,
        page,
        pageSize);
  }

  boolean matches(Job job) {
    double score = job.bestScore().orElse(Double.NaN);
    return equalIfSet(project, job.project())
        && equalIfSet(agent, job.agent())
        && equalIfSet(status, Optional.of(job.status()))
        && equalIfSet(jobType, job.jobType())
        && equalIfSet(analyzerModel, job.analyzerModel())
        && equalIfSet(dataSource, job.dataSource())
        && equalIfSet(promptSlug, job.promptSlug())
        && (createdAfter.isEmpty() || job.createdAt().compareTo(createdAfter.get()) >= 0)
        && (createdBefore.isEmpty() || job.createdAt().compareTo(createdBefore.get()) <= 0)
        && (scoreMin.isEmpty() || score >= scoreMin.get())
        && (scoreMax.isEmpty() || score <= scoreMax.get())
        && searchMatches(job);
  }

  /** True when {@code search} alone lets {@code job} through. */
  boolean searchMatches(Job job) {
    return ModelSearch.matches(
        search, List.of(job.promptSlug(), job.analyzerModel(), job.dataSource()));
  }

  JobQuery toJobQuery() {
    JobQuery.Builder query =
        JobQuery.builder()
            .project(project)
            .agent(agent)
            .status(status)
            .jobType(jobType)
            .analyzerModel(analyzerModel)
            .dataSource(dataSource)
            .promptSlug(promptSlug)
            .createdAfter(createdAfter)
            .createdBefore(createdBefore)
            .scoreMin(scoreMin)
            .scoreMax(scoreMax)
            .search(search);
    ordering.ifPresent(query::ordering);
    page.ifPresent(query::page);
    pageSize.ifPresent(query::pageSize);
    return query.build();
  }

  private static <T> boolean equalIfSet(Optional<T> wanted, Optional<?> actual) {
    return wanted.isEmpty() || wanted.equals(actual);
  }
}
