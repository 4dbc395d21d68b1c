package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.IterationQuery;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code JobJson.readIterationQuery}: the query string of {@code GET /api/job-iterations/}. The
 * value rules it shares with the job list are pinned in {@link JobQueryStringTest} and in {@code
 * QueryValueSyntaxTest} (in jobstore-json, as it needs no testkit); this test pins its own
 * parameters.
 */
class IterationQueryStringTest {

  private static final String ID = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";

  static IterationQuery read(String rawQuery) {
    return JSON.readIterationQuery(URI.create("http://localhost/api/job-iterations/?" + rawQuery));
  }

  @Test
  void noQueryIsTheDefaultQuery() {
    assertThat(JSON.readIterationQuery(URI.create("/api/job-iterations/")))
        .isEqualTo(IterationQuery.builder().build());
  }

  @Test
  void everyParameterIsReadIntoTheQuery() {
    assertThat(
            read(
                "job=urn:uuid:"
                    + ID
                    + "&iteration_name=+v2+&status=discard&score_min=0&score_max=.5"
                    + "&search=x&ordering=-avg_score,+order&page=3&page_size=7"
                    + "&project=ignored&agent=ignored&job_type=ignored"))
        .isEqualTo(
            IterationQuery.builder()
                .job(UUID.fromString(ID))
                .iterationName("v2")
                .status(IterationStatus.DISCARD)
                .scoreMin(0.0)
                .scoreMax(0.5)
                .search("x")
                .ordering("-avg_score,order")
                .page(3)
                .pageSize(7)
                .build());
  }

  @Test
  void emptyAndWhiteSpaceValuesFilterNothing() {
    assertThat(read("job=+&iteration_name=%09&status=&score_min=&score_max=&search=&ordering=,"))
        .isEqualTo(IterationQuery.builder().build());
  }

  @Test
  void everyBadFilterIsReportedAtOnceInParameterOrder() {
    assertRejected(
            () ->
                read(
                    "score_max=Infinity&score_min=1e60&status=running&iteration_name=%00"
                        + "&job=x&page=x"))
        .hasViolations(
            Violation.enterAValidUuid("job"),
            Violation.nullCharacters("iteration_name"),
            Violation.selectAValidChoice("status", "running"),
            Violation.atMost("score_min", "1e+50"),
            Violation.enterANumber("score_max"));
  }

  @ParameterizedTest
  @CsvSource({
    "order,order",
    "-created_at,-created_at",
    "iteration_name,iteration_name",
    "status,status",
    "best_score,order",
    "'best_score,-avg_score',-avg_score"
  })
  void anOrderingKeepsTheIterationFieldsAndElseIsTheDefault(String raw, String ordering) {
    assertThat(read("ordering=" + raw).ordering()).isEqualTo(ordering);
  }

  @Test
  void aPageAndAPageSizeReadAsForJobs() {
    assertThat(read("page_size=500").pageSize()).isEqualTo(100);
    assertThat(read("page_size=0").pageSize()).isEqualTo(100);
    assertThatThrownBy(() -> read("page=0"))
        .isExactlyInstanceOf(InvalidPageException.class)
        .hasMessage("Invalid page.");
  }

  @Test
  void aNulInTheSearchIsRejected() {
    assertRejected(() -> read("search=%00"))
        .hasOnlyViolation("search", "Null characters are not allowed.");
  }
}
