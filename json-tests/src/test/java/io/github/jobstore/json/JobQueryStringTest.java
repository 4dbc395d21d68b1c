package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.JobQuery;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code JobJson.readJobQuery}: the query string of {@code GET /api/jobs/}, rule by rule. */
class JobQueryStringTest {

  private static final String ID = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";

  static JobQuery read(String rawQuery) {
    return JSON.readJobQuery(URI.create("http://localhost/api/jobs/?" + rawQuery));
  }

  @Test
  void noQueryIsTheDefaultQuery() {
    assertThat(JSON.readJobQuery(URI.create("/api/jobs/"))).isEqualTo(JobQuery.builder().build());
  }

  @Test
  void everyFilterIsReadIntoTheQuery() {
    JobQuery query =
        read(
            "project="
                + ID
                + "&agent=%7B"
                + ID.toUpperCase()
                + "%7D&status=running&job_type=prompt_tuning&analyzer_model=+gpt-4o+"
                + "&data_source=s3%3A%2F%2Fb&prompt_slug=a+b&created_after=2026-01-02"
                + "&created_before=2026-01-02T03:04:05.5%2B01:00&score_min=-1.5&score_max=1e2"
                + "&search=+a+b+&ordering=status,-best_score&page=2&page_size=50");
    UUID id = UUID.fromString(ID);
    assertThat(query)
        .isEqualTo(
            JobQuery.builder()
                .project(id)
                .agent(id)
                .status(JobStatus.RUNNING)
                .jobType(JobType.PROMPT_TUNING)
                .analyzerModel("gpt-4o")
                .dataSource("s3://b")
                .promptSlug("a b")
                .createdAfter(Instant.parse("2026-01-02T00:00:00Z"))
                .createdBefore(Instant.parse("2026-01-02T02:04:05.5Z"))
                .scoreMin(-1.5)
                .scoreMax(100.0)
                .search(" a b ")
                .ordering("status,-best_score")
                .page(2)
                .pageSize(50)
                .build());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "project=&agent=&status=&job_type=&analyzer_model=&data_source=&prompt_slug="
            + "&created_after=&created_before=&score_min=&score_max=&search=&ordering="
            + "&page=&page_size=",
        "project&status&search&page",
        "project=+&agent=%09&analyzer_model=%C2%A0&data_source=+&prompt_slug=%E3%80%80",
        "unknown=1&Status=bogus&page%20=0&score_min%00=x"
      })
  void emptyWhiteSpaceAndUnknownParametersFilterNothing(String rawQuery) {
    assertThat(read(rawQuery)).isEqualTo(JobQuery.builder().build());
  }

  @Test
  void aTimeOrANumberOfWhiteSpaceAloneIsInvalid() {
    assertRejected(() -> read("created_after=+&score_min=%09"))
        .hasViolations(
            Violation.enterAValidDateTime("created_after"), Violation.enterANumber("score_min"));
  }

  @Test
  void theLastOfARepeatedParameterWins() {
    assertThat(read("status=bogus&status=failed&page=0&page=3"))
        .isEqualTo(JobQuery.builder().status(JobStatus.FAILED).page(3).build());
    assertThat(read("status=failed&status=")).isEqualTo(JobQuery.builder().build());
  }

  @Test
  void everyBadFilterIsReportedAtOnceInParameterOrder() {
    assertRejected(
            () ->
                read(
                    "score_max=x&score_min=1e51&created_before=now&created_after=2026-13-01"
                        + "&prompt_slug=a%00&data_source=%00&analyzer_model=b%00c&job_type=Prompt"
                        + "&status=+running&agent=1&project="
                        + ID.substring(1)
                        + "&search=%00&page=0"))
        .hasViolations(
            Violation.enterAValidUuid("project"),
            Violation.enterAValidUuid("agent"),
            Violation.selectAValidChoice("status", " running"),
            Violation.selectAValidChoice("job_type", "Prompt"),
            Violation.nullCharacters("analyzer_model"),
            Violation.nullCharacters("data_source"),
            Violation.nullCharacters("prompt_slug"),
            Violation.enterAValidDateTime("created_after"),
            Violation.enterAValidDateTime("created_before"),
            Violation.atMost("score_min", "1e+50"),
            Violation.enterANumber("score_max"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "project|%7Burn:uuid:182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e%7Dx|Enter a valid UUID.",
        "agent|182bd5e56e1a4fe4a799aa6d9a6ab26|Enter a valid UUID.",
        "status|Running|Select a valid choice. Running is not one of the available choices.",
        "status|null|Select a valid choice. null is not one of the available choices.",
        "job_type|+|Select a valid choice.   is not one of the available choices.",
        "created_after|2026-01-02T24:00|Enter a valid date/time.",
        "created_before|%00|Enter a valid date/time.",
        "score_min|NaN|Enter a number.",
        "score_max|+|Enter a number.",
        "score_max|1.0000000000000001e50|Ensure this value is less than or equal to 1e+50.",
        "prompt_slug|+%00+|Null characters are not allowed."
      })
  void aBadValueIsItsFiltersOneViolation(String name, String rawValue, String message) {
    assertRejected(() -> read(name + "=" + rawValue)).hasOnlyViolation(name, message);
  }

  @Test
  void aValidUuidIsStrippedFirstAndAChoiceIsNot() {
    assertThat(read("project=%20" + ID + "%0A").project()).contains(UUID.fromString(ID));
    assertRejected(() -> read("status=running%20"))
        .hasOnlyViolation(
            "status", "Select a valid choice. running  is not one of the available choices.");
  }

  @Test
  void theScoreBoundsReachTheirLimitAndThenFail() {
    assertThat(read("score_max=1e50").scoreMax()).contains(1e50);
    assertThat(read("score_min=-1e300").scoreMin()).contains(-1e300);
    assertRejected(() -> read("score_max=1.0000000000000001e50"))
        .hasOnlyViolation("score_max", "Ensure this value is less than or equal to 1e+50.");
  }

  @Test
  void aNaiveTimeIsUtcAndAnOffsetIsApplied() {
    assertThat(read("created_after=2026-01-02T03:04:05").createdAfter())
        .contains(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(read("created_after=2026-01-02T03:04:05-02:00").createdAfter())
        .contains(Instant.parse("2026-01-02T05:04:05Z"));
  }

  @Test
  void aSearchIsKeptAsItIsAndANulInItIsRejectedOnlyOnceTheFiltersAreValid() {
    assertThat(read("search=%20%22a+b%22,c%09").search()).contains(" \"a b\",c\t");
    assertThat(read("search=+").search()).contains(" ");
    assertRejected(() -> read("search=a%00b&page=0"))
        .hasOnlyViolation("search", "Null characters are not allowed.");
    assertRejected(() -> read("search=a%00b&status=x"))
        .hasOnlyViolation(
            "status", "Select a valid choice. x is not one of the available choices.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "status|status",
        "-status|-status",
        "+status+,+-best_score%09|status,-best_score",
        "status,,bogus,-created_at|status,-created_at",
        "--status,status-,STATUS,-,status|status",
        "status,status,-status|status,status,-status",
        "bogus|-created_at",
        ",|-created_at",
        "+|-created_at"
      })
  void anOrderingKeepsItsKnownFieldsStrippedAndElseIsTheDefault(String raw, String ordering) {
    assertThat(read("ordering=" + raw).ordering()).isEqualTo(ordering);
  }

  @Test
  void everyOrderingFieldIsAccepted() {
    for (String field : JobQuery.orderingFields()) {
      assertThat(read("ordering=-" + field).ordering()).isEqualTo("-" + field);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1,1",
    "'%201%20',1",
    "%2B2,2",
    "1_0,10",
    "007,7",
    "%D9%A3,3",
    "2147483647,2147483647"
  })
  void aPageIsWhatPythonsIntReads(String raw, int page) {
    assertThat(read("page=" + raw).page()).isEqualTo(page);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "-1", "1.0", "2.5", "1e1", "last", "x", "%2B", "_1", "1__0", "2147483648"})
  void aPageThatIsNoPositiveIntegerIsAnInvalidPage(String raw) {
    assertThatThrownBy(() -> read("page=" + raw))
        .isExactlyInstanceOf(InvalidPageException.class)
        .hasMessage("Invalid page.");
  }

  @Test
  void aBadFilterWinsOverABadPage() {
    assertRejected(() -> read("page=0&agent=x")).hasOnlyViolation("agent", "Enter a valid UUID.");
  }

  @ParameterizedTest
  @CsvSource({
    "1,1",
    "100,100",
    "101,100",
    "99999999999999999999,100",
    "'%2099%20',99",
    "%2B5,5",
    "1_0,10",
    "0,100",
    "-1,100",
    "5.0,100",
    "x,100",
    "'',100",
    "%00,100"
  })
  void aPageSizeIsAPositiveIntegerUpToOneHundredElseOneHundred(String raw, int pageSize) {
    assertThat(read("page_size=" + raw).pageSize()).isEqualTo(pageSize);
  }
}
