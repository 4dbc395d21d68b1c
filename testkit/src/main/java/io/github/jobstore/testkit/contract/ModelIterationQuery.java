package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.store.IterationQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A listIterations query, kept apart from {@link IterationQuery} so the model never relies on it.
 */
record ModelIterationQuery(
    Optional<UUID> job,
    Optional<String> iterationName,
    Optional<IterationStatus> status,
    Optional<Double> scoreMin,
    Optional<Double> scoreMax,
    Optional<String> search,
    Optional<String> ordering,
    Optional<Integer> page,
    Optional<Integer> pageSize) {

  ModelIterationQuery withPage(Optional<Integer> page) {
    return new ModelIterationQuery(
        job, iterationName, status, scoreMin, scoreMax, search, ordering, page, pageSize);
  }

  boolean matches(Iteration iteration) {
    double score = iteration.avgScore().orElse(Double.NaN);
    return (job.isEmpty() || job.get().equals(iteration.job()))
        && (iterationName.isEmpty() || iterationName.get().equals(iteration.iterationName()))
        && (status.isEmpty() || status.equals(iteration.status()))
        && (scoreMin.isEmpty() || score >= scoreMin.get())
        && (scoreMax.isEmpty() || score <= scoreMax.get())
        && searchMatches(iteration);
  }

  /** True when {@code search} alone lets {@code iteration} through. */
  boolean searchMatches(Iteration iteration) {
    return ModelSearch.matches(
        search, List.of(Optional.of(iteration.iterationName()), iteration.description()));
  }

  IterationQuery toIterationQuery() {
    IterationQuery.Builder query =
        IterationQuery.builder()
            .job(job)
            .iterationName(iterationName)
            .status(status)
            .scoreMin(scoreMin)
            .scoreMax(scoreMax)
            .search(search);
    ordering.ifPresent(query::ordering);
    page.ifPresent(query::page);
    pageSize.ifPresent(query::pageSize);
    return query.build();
  }
}
