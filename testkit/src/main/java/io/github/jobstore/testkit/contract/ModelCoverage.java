package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.store.Page;
import io.github.jobstore.testkit.contract.JobStoreModel.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tallies, over the sequences of {@link JobStoreModelContract}, how often its list queries reach
 * what they are drawn for: searches that return something yet leave something out (counted when
 * there are at least two jobs, or iterations, to tell apart), and orderings of several fields whose
 * first field ties among the matches, so that a later one decides (counted when there are at least
 * two matches). A model test whose searches never hit, or whose orderings never tie, would pass
 * whatever the store did. Not thread-safe.
 */
final class ModelCoverage {

  static final String JOB_SEARCH_HITS = "job searches that return a non-empty page";
  static final String JOB_SEARCH_MISSES = "job searches that leave some job out";
  static final String JOB_TIES = "job orderings of several fields that tie on the first";
  static final String ITERATION_SEARCH_HITS = "iteration searches that return a non-empty page";
  static final String ITERATION_SEARCH_MISSES = "iteration searches that leave some iteration out";
  static final String ITERATION_TIES =
      "iteration orderings of several fields that tie on the first";

  private final Map<String, int[]> tallies = new TreeMap<>();

  /** Counts a {@code list} query and the page the model expects of it. */
  void list(ModelQuery query, JobStoreModel model, Outcome<Page<Job>> expected) {
    if (searches(query.search()) && model.size() >= 2) {
      count(JOB_SEARCH_HITS, nonEmpty(expected));
      count(JOB_SEARCH_MISSES, model.all().stream().anyMatch(job -> !query.searchMatches(job)));
    }
    ties(JOB_TIES, query.ordering(), model.matches(query), ModelOrdering::compare);
  }

  /** Counts a {@code listIterations} query and the page the model expects of it. */
  void listIterations(
      ModelIterationQuery query, JobStoreModel model, Outcome<Page<Iteration>> expected) {
    List<Iteration> all = model.allIterations();
    if (searches(query.search()) && all.size() >= 2) {
      count(ITERATION_SEARCH_HITS, nonEmpty(expected));
      count(
          ITERATION_SEARCH_MISSES,
          all.stream().anyMatch(iteration -> !query.searchMatches(iteration)));
    }
    ties(ITERATION_TIES, query.ordering(), model.iterationMatches(query), ModelOrdering::compare);
  }

  /** The share of the counted cases of {@code what} in which it happened; 0 when none counted. */
  double share(String what) {
    int[] tally = tallies.getOrDefault(what, new int[2]);
    return tally[1] == 0 ? 0 : (double) tally[0] / tally[1];
  }

  @Override
  public String toString() {
    return tallies.entrySet().stream()
        .map(
            tally ->
                String.format(
                    "%s: %d of %d (%.0f%%)",
                    tally.getKey(),
                    tally.getValue()[0],
                    tally.getValue()[1],
                    100 * share(tally.getKey())))
        .collect(Collectors.joining("\n"));
  }

  /** True for a search with at least one part: one that filters. */
  private static boolean searches(Optional<String> search) {
    return search.isPresent() && !ModelSearch.terms(search.get()).isEmpty();
  }

  private static boolean nonEmpty(Outcome<? extends Page<?>> expected) {
    Page<?> page = expected.result();
    return page != null && !page.results().isEmpty();
  }

  /** Counts an ordering of several fields over at least two matches: do two tie on the first? */
  private <T> void ties(
      String what, Optional<String> ordering, List<T> sorted, Comparison<T> comparison) {
    if (ordering.isEmpty() || !ordering.get().contains(",") || sorted.size() < 2) {
      return;
    }
    String first = ordering.get().split(",", -1)[0];
    count(
        what,
        IntStream.range(1, sorted.size())
            .anyMatch(i -> comparison.compare(first, sorted.get(i - 1), sorted.get(i)) == 0));
  }

  private void count(String what, boolean happened) {
    int[] tally = tallies.computeIfAbsent(what, key -> new int[2]);
    tally[0] += happened ? 1 : 0;
    tally[1]++;
  }

  /** {@link ModelOrdering#compare} for one resource. */
  private interface Comparison<T> {
    int compare(String ordering, T a, T b);
  }
}
