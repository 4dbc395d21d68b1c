package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContract.id;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.iteration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of {@link JobStore#listIterations}: each filter and its edges, each ordering
 * in both directions with its ties and empty values, and pages.
 */
interface JobStoreListIterationsContract extends JobStoreContractFixture {

  @Test
  default void listIterationsByJobReturnsThatJobsIterationsInItsOwnOrder() {
    Job job = create();
    Job other = create();
    createIteration(job.id(), iteration("c", 3));
    createIteration(other.id(), iteration("other"));
    createIteration(job.id(), iteration("a", 1));
    createIteration(job.id(), iteration("b", 3));

    List<UUID> listed = iterations(q -> q.job(job.id()));

    assertThat(listed).isEqualTo(ids(store().get(job.id()).iterations()));
    assertThat(names(q -> q.job(job.id()))).containsExactly("a", "c", "b");
  }

  @Test
  default void listIterationsOfAnUnknownJobIsAnEmptyFirstPage() {
    create();

    Page<Iteration> page = store().listIterations(IterationQuery.builder().job(id(99)).build());

    assertThat(page.results()).isEmpty();
    assertThat(page.count()).isZero();
  }

  @Test
  default void listIterationsWithoutFiltersReturnsEveryIterationByOrderThenCreation() {
    Job job = create();
    Job other = create();
    createIteration(job.id(), iteration("job 2", 2));
    createIteration(other.id(), iteration("other 1", 1));
    createIteration(other.id(), iteration("other 2", 2));
    createIteration(job.id(), iteration("job 1", 1));

    assertThat(names(q -> q)).containsExactly("other 1", "job 1", "job 2", "other 2");
  }

  @Test
  default void listIterationsFiltersByExactName() {
    Job job = create();
    createIteration(job.id(), iteration("round"));
    createIteration(job.id(), iteration("Round"));
    createIteration(job.id(), iteration("round 2"));
    createIteration(job.id(), iteration("round"));

    assertThat(names(q -> q.iterationName("round"))).containsExactly("round", "round");
  }

  @Test
  default void listIterationsFiltersByStatusLeavingOutIterationsWithout() {
    Job job = create();
    createIteration(job.id(), named("kept").status(IterationStatus.KEEP).build());
    createIteration(job.id(), named("discarded").status(IterationStatus.DISCARD).build());
    createIteration(job.id(), named("none").build());

    assertThat(names(q -> q.status(IterationStatus.KEEP))).containsExactly("kept");
    assertThat(names(q -> q.status(IterationStatus.DISCARD))).containsExactly("discarded");
  }

  @Test
  default void listIterationsScoreMinIsInclusive() {
    scored();

    assertThat(names(q -> q.scoreMin(0.5))).containsExactly("0.5", "0.75");
  }

  @Test
  default void listIterationsScoreMaxIsInclusive() {
    scored();

    assertThat(names(q -> q.scoreMax(0.5))).containsExactly("0.25", "0.5");
  }

  @Test
  default void listIterationsScoreBoundsAtOneValueFindExactlyIt() {
    scored();

    assertThat(names(q -> q.scoreMin(0.25).scoreMax(0.25))).containsExactly("0.25");
  }

  @Test
  default void listIterationsScoreBoundsLeaveOutIterationsWithoutAScore() {
    scored();

    assertThat(names(q -> q.scoreMin(-1_000).scoreMax(1_000)))
        .containsExactly("0.25", "0.5", "0.75");
  }

  @Test
  default void listIterationsCombinesFiltersWithAnd() {
    Job job = create();
    Job other = create();
    createIteration(job.id(), named("a").avgScore(0.5).status(IterationStatus.KEEP).build());
    createIteration(job.id(), named("a").avgScore(0.5).status(IterationStatus.DISCARD).build());
    createIteration(job.id(), named("a").avgScore(0.1).status(IterationStatus.KEEP).build());
    createIteration(job.id(), named("b").avgScore(0.5).status(IterationStatus.KEEP).build());
    Iteration match =
        createIteration(job.id(), named("a").avgScore(0.6).status(IterationStatus.KEEP).build());
    createIteration(other.id(), named("a").avgScore(0.5).status(IterationStatus.KEEP).build());

    assertThat(
            iterations(
                q ->
                    q.job(job.id()).iterationName("a").status(IterationStatus.KEEP).scoreMin(0.55)))
        .containsExactly(match.id());
  }

  @Test
  default void listIterationsOrdersByOrderBothWays() {
    Job job = create();
    createIteration(job.id(), iteration("3", 3));
    createIteration(job.id(), iteration("-1", -1));
    createIteration(job.id(), iteration("2", 2));

    assertBothWays("order", "-1", "2", "3");
  }

  @Test
  default void listIterationsOrdersByCreatedAtBothWays() {
    Job job = create();
    clock().set(Instant.parse("2026-03-02T00:00:00Z"));
    createIteration(job.id(), iteration("second", 1));
    clock().set(Instant.parse("2026-03-01T00:00:00Z"));
    createIteration(job.id(), iteration("first", 2));
    clock().set(Instant.parse("2026-03-03T00:00:00Z"));
    createIteration(job.id(), iteration("third", 3));

    assertBothWays("created_at", "first", "second", "third");
  }

  @Test
  default void listIterationsOrdersByAvgScoreBothWaysEmptyLastAscending() {
    Job job = create();
    createIteration(job.id(), named("none").build());
    createIteration(job.id(), named("high").avgScore(2.0).build());
    createIteration(job.id(), named("low").avgScore(-1.5).build());

    assertBothWays("avg_score", "low", "high", "none");
  }

  @Test
  default void listIterationsOrdersByIterationNameByCodePointBothWays() {
    Job job = create();
    createIteration(job.id(), iteration("b"));
    createIteration(job.id(), iteration("\uFF21"));
    createIteration(job.id(), iteration("B"));
    createIteration(job.id(), iteration("a"));

    assertBothWays("iteration_name", "B", "a", "b", "\uFF21");
  }

  @Test
  default void listIterationsOrdersByStatusBothWaysEmptyLastAscending() {
    Job job = create();
    createIteration(job.id(), named("keep").status(IterationStatus.KEEP).build());
    createIteration(job.id(), named("none").build());
    createIteration(job.id(), named("discard").status(IterationStatus.DISCARD).build());

    assertBothWays("status", "discard", "keep", "none");
  }

  @Test
  default void listIterationsBreaksTiesByOrderThenCreationInBothDirections() {
    Job job = create();
    createIteration(job.id(), named("b").avgScore(1.0).order(2).build());
    createIteration(job.id(), named("a").avgScore(1.0).order(1).build());
    createIteration(job.id(), named("c").avgScore(1.0).order(2).build());

    assertThat(names(q -> q.ordering("avg_score"))).containsExactly("a", "b", "c");
    assertThat(names(q -> q.ordering("-avg_score"))).containsExactly("a", "b", "c");
  }

  @Test
  default void listIterationsBreaksTiesOfTheFirstOrderingFieldByTheSecond() {
    Job job = create();
    createIteration(job.id(), named("keep low").status(IterationStatus.KEEP).avgScore(0.1).build());
    createIteration(job.id(), named("discard").status(IterationStatus.DISCARD).build());
    createIteration(job.id(), named("keep none").status(IterationStatus.KEEP).build());
    createIteration(
        job.id(), named("keep high").status(IterationStatus.KEEP).avgScore(0.9).build());

    assertThat(names(q -> q.ordering("status,-avg_score")))
        .containsExactly("discard", "keep none", "keep high", "keep low");
    assertThat(names(q -> q.ordering("-status,avg_score")))
        .containsExactly("keep low", "keep high", "keep none", "discard");
  }

  @Test
  default void listIterationsSearchFindsEveryPartInTheNameOrTheDescription() {
    Job job = create();
    createIteration(job.id(), named("Prompt tuning").description("Shorter answers").build());
    createIteration(job.id(), named("prompt v2").build());
    createIteration(job.id(), named("judge").description("PROMPT, shorter").build());
    createIteration(job.id(), named("other").description("longer").build());

    assertThat(names(q -> q.search("prompt shorter"))).containsExactly("Prompt tuning", "judge");
    assertThat(names(q -> q.search("PROMPT")))
        .containsExactly("Prompt tuning", "prompt v2", "judge");
    assertThat(names(q -> q.search("prompt,longer"))).isEmpty();
  }

  @Test
  default void listIterationsBlankSearchFiltersNothing() {
    Job job = create();
    createIteration(job.id(), named("a").build());
    createIteration(job.id(), named("b").description("x").build());

    assertThat(names(q -> q.search(" \u00a0, "))).containsExactly("a", "b");
  }

  @Test
  default void listIterationsSearchCombinesWithTheOtherFiltersAndCounts() {
    Job job = create();
    Job other = create();
    createIteration(job.id(), named("tuned").build());
    createIteration(other.id(), named("tuned").build());
    createIteration(job.id(), named("plain").build());

    Page<Iteration> page =
        store().listIterations(IterationQuery.builder().job(job.id()).search("tun").build());

    assertThat(page.count()).isEqualTo(1);
    assertThat(page.results()).extracting(Iteration::job).containsExactly(job.id());
  }

  @Test
  default void listIterationsSplitsResultsIntoPages() {
    Job job = create();
    for (int i = 1; i <= 5; i++) {
      createIteration(job.id(), iteration(Integer.toString(i)));
    }

    Page<Iteration> second = iterationPage(q -> q.pageSize(2), 2);
    Page<Iteration> last = iterationPage(q -> q.pageSize(2), 3);

    assertThat(second.results()).extracting(Iteration::iterationName).containsExactly("3", "4");
    assertThat(second.count()).isEqualTo(5);
    assertThat(second.hasNext()).isTrue();
    assertThat(second.hasPrevious()).isTrue();
    assertThat(last.results()).extracting(Iteration::iterationName).containsExactly("5");
    assertThat(last.hasNext()).isFalse();
  }

  @Test
  default void listIterationsFirstPageOfNothingIsValid() {
    Page<Iteration> page = iterationPage(q -> q, 1);

    assertThat(page.results()).isEmpty();
    assertThat(page.count()).isZero();
    assertThat(page.hasNext()).isFalse();
    assertThat(page.hasPrevious()).isFalse();
  }

  @Test
  default void listIterationsPagePastTheLastThrowsInvalidPage() {
    Job job = create();
    createIteration(job.id(), iteration("only"));

    assertInvalidPage(() -> iterationPage(q -> q, 2));
    assertInvalidPage(() -> iterationPage(q -> q.pageSize(Integer.MAX_VALUE), Integer.MAX_VALUE));
  }

  @Test
  default void listIterationsPageBeforeTheFirstThrowsInvalidPage() {
    assertInvalidPage(() -> iterationPage(q -> q, 0));
    assertInvalidPage(() -> iterationPage(q -> q, -1));
  }

  /** Lists page {@code page} of the query that {@code query} builds. */
  private Page<Iteration> iterationPage(UnaryOperator<IterationQuery.Builder> query, int page) {
    return store().listIterations(query.apply(IterationQuery.builder()).page(page).build());
  }

  /** Lists the query that {@code query} builds and returns the ids of the iterations, in order. */
  private List<UUID> iterations(UnaryOperator<IterationQuery.Builder> query) {
    return ids(store().listIterations(query.apply(IterationQuery.builder()).build()).results());
  }

  /** Lists the query that {@code query} builds and returns the names of the iterations. */
  private List<String> names(UnaryOperator<IterationQuery.Builder> query) {
    List<String> names = new ArrayList<>();
    store()
        .listIterations(query.apply(IterationQuery.builder()).build())
        .results()
        .forEach(iteration -> names.add(iteration.iterationName()));
    return names;
  }

  /** Checks that {@code field} orders the iterations as {@code ascending}, and its reverse. */
  private void assertBothWays(String field, String... ascending) {
    assertThat(names(q -> q.ordering(field))).containsExactly(ascending);
    List<String> descending = new ArrayList<>(List.of(ascending));
    Collections.reverse(descending);
    assertThat(names(q -> q.ordering("-" + field))).containsExactlyElementsOf(descending);
  }

  /** Creates iterations scored 0.25, 0.5, 0.75 and one without a score, named for the score. */
  private void scored() {
    Job job = create();
    createIteration(job.id(), named("0.25").avgScore(0.25).build());
    createIteration(job.id(), named("none").build());
    createIteration(job.id(), named("0.5").avgScore(0.5).build());
    createIteration(job.id(), named("0.75").avgScore(0.75).build());
  }

  private static IterationCreateParams.Builder named(String name) {
    return IterationCreateParams.builder().iterationName(name);
  }

  private static List<UUID> ids(Iterable<Iteration> iterations) {
    List<UUID> ids = new ArrayList<>();
    iterations.forEach(iteration -> ids.add(iteration.id()));
    return ids;
  }

  /** Checks that {@code list} throws {@link InvalidPageException} with the API's message. */
  private static void assertInvalidPage(ThrowingCallable list) {
    assertThatThrownBy(list).isInstanceOf(InvalidPageException.class).hasMessage("Invalid page.");
  }
}
