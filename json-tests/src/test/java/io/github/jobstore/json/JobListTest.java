package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.names;
import static io.github.jobstore.json.JsonTestSupport.resource;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.core.Job;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.Page;
import io.github.jobstore.testkit.JobGenerators;
import java.net.URI;
import java.util.List;
import java.util.SplittableRandom;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.Test;

/**
 * {@code writeJobList}: the API's list envelope {@code {count, next, previous, results}}, with
 * summary rows, and links that are the request's URI with its {@code page} parameter set.
 */
class JobListTest {

  private static final List<String> SUMMARY_FIELDS =
      List.of(
          "id",
          "created_at",
          "updated_at",
          "agent",
          "analyzer_model",
          "baseline_score",
          "best_score",
          "improvement",
          "job_type",
          "num_iterations",
          "project",
          "prompt_slug",
          "status");

  private static final Job FULL = JSON.readJob(resource("reference-job.json"));
  private static final String BASE = "http://testserver/api/jobs/";

  private static JsonNode list(int count, int page, int pageSize, String requestUri) {
    ImmutableList<Job> results = Lists.immutable.of(FULL);
    return tree(
        JSON.writeJobList(new Page<>(results, count, page, pageSize), URI.create(requestUri)));
  }

  @Test
  void envelopeHasCountNextPreviousAndResultsInThatOrder() {
    JsonNode list = list(1, 1, 100, BASE);

    assertThat(names(list)).containsExactly("count", "next", "previous", "results");
    assertThat(list.get("count").intValue()).isEqualTo(1);
    assertThat(list.get("results")).hasSize(1);
  }

  @Test
  void emptyPageIsAnEmptyEnvelope() {
    String written =
        JSON.writeJobList(new Page<>(Lists.immutable.empty(), 0, 1, 100), URI.create(BASE));

    assertThat(tree(written))
        .isEqualTo(tree("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}"));
  }

  @Test
  void summaryRowOfAFullJobHasExactlyTheThirteenSummaryFields() {
    JsonNode row = list(1, 1, 100, BASE).get("results").get(0);

    assertThat(names(row)).containsExactlyElementsOf(SUMMARY_FIELDS);
  }

  @Test
  void summaryRowHoldsTheSameValuesAsTheFullJob() {
    JsonNode row = list(1, 1, 100, BASE).get("results").get(0);
    JsonNode full = tree(JSON.write(FULL));

    for (String field : SUMMARY_FIELDS) {
      assertThat(row.get(field)).as(field).isEqualTo(full.get(field));
    }
  }

  @Test
  void summaryRowOfAMinimalJobWritesNullableFieldsAsNullAndLeavesTheRestOut() {
    Job minimal = JSON.readJob(JsonTestSupport.MINIMAL_JOB);
    String written =
        JSON.writeJobList(new Page<>(Lists.immutable.of(minimal), 1, 1, 100), URI.create(BASE));

    assertThat(names(tree(written).get("results").get(0)))
        .containsExactly(
            "id",
            "created_at",
            "updated_at",
            "agent",
            "baseline_score",
            "best_score",
            "improvement",
            "project",
            "status");
  }

  @Test
  void firstPageLinksToPageTwoAndHasNoPrevious() {
    JsonNode list = list(5, 1, 2, BASE);

    assertThat(list.get("next").textValue()).isEqualTo(BASE + "?page=2");
    assertThat(list.get("previous").isNull()).isTrue();
  }

  @Test
  void middlePageReplacesThePageParameterAndKeepsTheOthers() {
    JsonNode list = list(5, 2, 2, BASE + "?status=running&page=2&page_size=2");

    assertThat(list.get("next").textValue()).isEqualTo(BASE + "?page=3&page_size=2&status=running");
    assertThat(list.get("previous").textValue()).isEqualTo(BASE + "?page_size=2&status=running");
  }

  @Test
  void previousOfPageTwoDropsThePageParameter() {
    JsonNode list = list(5, 2, 2, BASE + "?page=2");

    assertThat(list.get("previous").textValue()).isEqualTo(BASE);
  }

  @Test
  void previousOfPageThreeSetsPageTwo() {
    JsonNode list = list(5, 3, 2, BASE + "?page=3&ordering=-best_score");

    assertThat(list.get("previous").textValue()).isEqualTo(BASE + "?ordering=-best_score&page=2");
    assertThat(list.get("next").isNull()).isTrue();
  }

  @Test
  void singlePageHasNeitherLink() {
    JsonNode list = list(2, 1, 2, BASE + "?status=pending");

    assertThat(list.get("next").isNull()).isTrue();
    assertThat(list.get("previous").isNull()).isTrue();
  }

  @Test
  void encodedParametersAndRepeatedParametersAreKeptAsSent() {
    JsonNode list = list(5, 1, 2, BASE + "?prompt_slug=a%26b&status=running&status=failed");

    assertThat(list.get("next").textValue())
        .isEqualTo(BASE + "?page=2&prompt_slug=a%26b&status=running&status=failed");
  }

  @Test
  void schemeHostAndPortAreKept() {
    JsonNode list = list(5, 1, 2, "https://user@api.example.com:8443/api/jobs/?page=1");

    assertThat(list.get("next").textValue())
        .isEqualTo("https://user@api.example.com:8443/api/jobs/?page=2");
  }

  @Test
  void relativeRequestUriGivesRelativeLinks() {
    JsonNode list = list(5, 1, 2, "/api/jobs/?page_size=2");

    assertThat(list.get("next").textValue()).isEqualTo("/api/jobs/?page=2&page_size=2");
  }

  @Test
  void pageFromTheStoreIsWrittenWithItsCountAndRows() {
    InMemoryJobStore store = InMemoryJobStore.create();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 5; i++) {
      store.create(JobGenerators.validCreateParams().next(random));
    }
    Page<Job> page = store.list(JobQuery.builder().page(2).pageSize(2).build());

    JsonNode list = tree(JSON.writeJobList(page, URI.create(BASE + "?page=2&page_size=2")));

    assertThat(list.get("count").intValue()).isEqualTo(5);
    assertThat(list.get("results")).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(list.get("results").get(i).get("id").textValue())
          .isEqualTo(page.results().get(i).id().toString());
    }
    assertThat(list.get("next").textValue()).isEqualTo(BASE + "?page=3&page_size=2");
    assertThat(list.get("previous").textValue()).isEqualTo(BASE + "?page_size=2");
  }
}
