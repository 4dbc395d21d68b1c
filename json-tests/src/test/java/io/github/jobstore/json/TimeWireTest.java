package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.DATETIME_MESSAGE;
import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_JOB;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static io.github.jobstore.json.JsonTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.Violation;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Times: written in UTC with {@code Z} and as many fraction digits as the instant has, in groups of
 * three (the API's microseconds, the reference's milliseconds, none for whole seconds); read from
 * any ISO-8601 date-time with an offset, converted to UTC.
 */
class TimeWireTest {

  private static String writtenCreatedAt(String instant) {
    Job job =
        Job.builder()
            .id(new UUID(1, 1))
            .createdAt(Instant.parse(instant))
            .updatedAt(Instant.parse(instant))
            .build();
    return tree(JSON.write(job)).get("created_at").textValue();
  }

  @Test
  void microsecondTimesAreWrittenInUtcWithSixFractionDigits() {
    assertThat(writtenCreatedAt("2026-01-02T03:04:05.123456Z"))
        .isEqualTo("2026-01-02T03:04:05.123456Z");
  }

  @Test
  void wholeSecondTimesAreWrittenWithoutAFraction() {
    assertThat(writtenCreatedAt("2026-01-02T03:04:05Z")).isEqualTo("2026-01-02T03:04:05Z");
  }

  @Test
  void millisecondTimesAreWrittenWithThreeFractionDigits() {
    assertThat(writtenCreatedAt("2019-12-27T18:11:19.117Z")).isEqualTo("2019-12-27T18:11:19.117Z");
  }

  @Test
  void microsecondsWithTrailingZerosKeepTheirSixDigits() {
    assertThat(writtenCreatedAt("2026-01-02T03:04:05.120400Z"))
        .isEqualTo("2026-01-02T03:04:05.120400Z");
  }

  @Test
  void nanosecondTimesAreWrittenWithNineFractionDigits() {
    assertThat(writtenCreatedAt("2026-01-02T03:04:05.123456789Z"))
        .isEqualTo("2026-01-02T03:04:05.123456789Z");
  }

  @Test
  void iterationTimesAreWrittenTheSameWay() {
    Iteration iteration =
        Iteration.builder()
            .id(new UUID(1, 1))
            .createdAt(Instant.parse("2026-01-02T03:04:05.000001Z"))
            .iterationName("iter_001")
            .job(new UUID(1, 2))
            .build();

    assertThat(tree(JSON.write(iteration)).get("created_at").textValue())
        .isEqualTo("2026-01-02T03:04:05.000001Z");
  }

  @ParameterizedTest(name = "[{index}] {0} is {1}")
  @CsvSource({
    "2026-01-02T03:04:05.123456Z, 2026-01-02T03:04:05.123456Z",
    "2026-01-02T05:04:05.123456+02:00, 2026-01-02T03:04:05.123456Z",
    "2026-01-01T21:34:05-05:30, 2026-01-02T03:04:05Z",
    "2026-01-02T03:04:05+00:00, 2026-01-02T03:04:05Z",
    "2026-01-02T03:04:05.5Z, 2026-01-02T03:04:05.500Z",
    "2026-01-02T03:04Z, 2026-01-02T03:04:00Z",
    "2026-01-02T00:30:00+01:00, 2026-01-01T23:30:00Z"
  })
  void anyOffsetIsAcceptedAndConvertedToUtc(String wire, String utc) {
    Job job = JSON.readJob(with(MINIMAL_JOB, "created_at", '"' + wire + '"'));

    assertThat(job.createdAt()).isEqualTo(Instant.parse(utc));
  }

  @Test
  void aTimeReadWithAnOffsetIsWrittenBackInUtc() {
    Job job = JSON.readJob(with(MINIMAL_JOB, "updated_at", "\"2026-01-02T05:04:05.123456+02:00\""));

    assertThat(tree(JSON.write(job)).get("updated_at").textValue())
        .isEqualTo("2026-01-02T03:04:05.123456Z");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "+999999999-12-31T23:59:59.999999999Z",
        "+999999999-12-31T23:59:59.999999999+18:00",
        "-999999999-01-01T00:00:00Z",
        "-999999999-01-01T00:00:00-18:00"
      })
  void theFirstAndLastTimesInUtcThatCanBeWrittenAreReadAndReadBack(String wire) {
    Job job = JSON.readJob(with(MINIMAL_JOB, "created_at", '"' + wire + '"'));

    assertThat(JSON.readJob(JSON.write(job))).isEqualTo(job);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "+999999999-12-31T23:59:59.999999999-00:01",
        "+999999999-12-31T23:59:59.999999999-18:00",
        "-999999999-01-01T00:00:00+00:01",
        "-999999999-01-01T00:00:00+18:00"
      })
  void aTimeBeyondTheLastOrFirstUtcYearIsRejectedAsItCouldNotBeReadBack(String wire) {
    assertRejected(() -> JSON.readJob(with(MINIMAL_JOB, "created_at", '"' + wire + '"')))
        .hasOnlyViolation("created_at", DATETIME_MESSAGE);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "\"2026-01-02\"",
        "\"garbage\"",
        "\"\"",
        "\"2026-13-02T03:04:05Z\"",
        "\"2026-01-02T25:04:05Z\"",
        "\"2026-02-30T03:04:05Z\"",
        "\"2026-01-02T03:04:05+25:00\"",
        "\"03:04:05Z\"",
        "1767323045",
        "true",
        "[]",
        "{}"
      })
  void malformedTimesAreRejectedWithTheDatetimeMessage(String value) {
    assertRejected(() -> JSON.readJob(with(MINIMAL_JOB, "created_at", value)))
        .hasOnlyViolation("created_at", DATETIME_MESSAGE);
  }

  @Test
  void bothMalformedJobTimesAreReportedTogether() {
    String document =
        with(with(MINIMAL_JOB, "created_at", "\"yesterday\""), "updated_at", "\"today\"");

    assertRejected(() -> JSON.readJob(document))
        .hasViolations(
            new Violation("created_at", DATETIME_MESSAGE),
            new Violation("updated_at", DATETIME_MESSAGE));
  }

  @Test
  void malformedIterationTimeIsRejectedOnCreatedAt() {
    assertRejected(
            () -> JSON.readIteration(with(MINIMAL_ITERATION, "created_at", "\"2026-01-02\"")))
        .hasOnlyViolation("created_at", DATETIME_MESSAGE);
  }
}
