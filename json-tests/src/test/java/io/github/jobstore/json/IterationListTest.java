package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION;
import static io.github.jobstore.json.JsonTestSupport.names;
import static io.github.jobstore.json.JsonTestSupport.resource;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.store.Page;
import java.net.URI;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;

/**
 * {@code writeIterationList}: the list envelope of {@code GET /api/job-iterations/}, {@code {count,
 * next, previous, results}}, with each iteration in full, and the same links as the jobs list.
 */
class IterationListTest {

  private static final Iteration FULL =
      JSON.readJob(resource("reference-job.json")).iterations().get(0);
  private static final Iteration MINIMAL = JSON.readIteration(MINIMAL_ITERATION);
  private static final String BASE = "http://testserver/api/job-iterations/";

  private static JsonNode list(int count, int page, int pageSize, String requestUri) {
    return tree(
        JSON.writeIterationList(
            new Page<>(Lists.immutable.of(FULL, MINIMAL), count, page, pageSize),
            URI.create(requestUri)));
  }

  @Test
  void envelopeHasCountNextPreviousAndResultsInThatOrder() {
    JsonNode list = list(2, 1, 100, BASE);

    assertThat(names(list)).containsExactly("count", "next", "previous", "results");
    assertThat(list.get("count").intValue()).isEqualTo(2);
    assertThat(list.get("next").isNull()).isTrue();
    assertThat(list.get("previous").isNull()).isTrue();
  }

  @Test
  void rowsAreWholeIterationsAsTheApiReturnsThemInPageOrder() {
    JsonNode results = list(2, 1, 100, BASE).get("results");

    assertThat(results).hasSize(2);
    assertThat(results.get(0)).isEqualTo(tree(JSON.write(FULL)));
    assertThat(results.get(1)).isEqualTo(tree(JSON.write(MINIMAL)));
    assertThat(results.get(1).get("dimension_scores").isNull()).isTrue();
  }

  @Test
  void emptyPageIsAnEmptyEnvelopeAsForJobs() {
    String written =
        JSON.writeIterationList(new Page<>(Lists.immutable.empty(), 0, 1, 100), URI.create(BASE));

    assertThat(written)
        .isEqualTo(
            JSON.writeJobList(new Page<Job>(Lists.immutable.empty(), 0, 1, 100), URI.create(BASE)));
    assertThat(tree(written))
        .isEqualTo(tree("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}"));
  }

  @Test
  void firstPageLinksToPageTwoKeepingTheFilter() {
    JsonNode list = list(5, 1, 2, BASE + "?job=" + FULL.job() + "&page_size=2");

    assertThat(list.get("next").textValue())
        .isEqualTo(BASE + "?job=" + FULL.job() + "&page=2&page_size=2");
    assertThat(list.get("previous").isNull()).isTrue();
  }

  @Test
  void middlePageLinksBothWays() {
    JsonNode list = list(6, 2, 2, BASE + "?page=2&page_size=2&status=keep");

    assertThat(list.get("next").textValue()).isEqualTo(BASE + "?page=3&page_size=2&status=keep");
    assertThat(list.get("previous").textValue()).isEqualTo(BASE + "?page_size=2&status=keep");
  }

  @Test
  void lastPageHasNoNext() {
    JsonNode list = list(6, 3, 2, BASE + "?page=3&page_size=2");

    assertThat(list.get("next").isNull()).isTrue();
    assertThat(list.get("previous").textValue()).isEqualTo(BASE + "?page=2&page_size=2");
  }
}
