package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_ITERATION;
import static io.github.jobstore.json.JsonTestSupport.MINIMAL_JOB;
import static io.github.jobstore.json.JsonTestSupport.assertRejected;
import static io.github.jobstore.json.JsonTestSupport.tree;
import static io.github.jobstore.json.JsonTestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UUIDs: written lowercase with hyphens; read as Python's {@code uuid.UUID(hex=...)} reads them
 * (any case, hyphens anywhere or none, braces, {@code urn:uuid:}); anything else, including forms
 * Java's {@link UUID#fromString} tolerates, is {@code Must be a valid UUID.}
 */
class UuidWireTest {

  private static final String INVALID = "Must be a valid UUID.";
  private static final UUID EXPECTED = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

  @Test
  void uuidsAreWrittenLowercaseWithHyphens() {
    UUID upperBits = new UUID(0xABCDEF0123456789L, 0xFEDCBA9876543210L);
    String written = JSON.write(JobCreateParams.builder().agent(upperBits).build());

    assertThat(tree(written).get("agent").textValue())
        .isEqualTo("abcdef01-2345-6789-fedc-ba9876543210");
  }

  @Test
  void uuidsWithLeadingZerosAreWrittenWithEveryDigit() {
    Job job =
        Job.builder()
            .id(new UUID(1, 2))
            .createdAt(Instant.EPOCH)
            .updatedAt(Instant.EPOCH)
            .project(new UUID(0, 0))
            .build();

    assertThat(tree(JSON.write(job)).get("id").textValue())
        .isEqualTo("00000000-0000-0001-0000-000000000002");
    assertThat(tree(JSON.write(job)).get("project").textValue())
        .isEqualTo("00000000-0000-0000-0000-000000000000");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        "182BD5E5-6E1A-4FE4-A799-AA6D9A6AB26E",
        "182Bd5E5-6e1A-4fE4-a799-Aa6D9a6aB26e",
        "182bd5e56e1a4fe4a799aa6d9a6ab26e",
        "{182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e}",
        "urn:uuid:182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        "182bd5e5-6e1a4fe4-a799aa6d-9a6ab26e",
        "{{182bd5e56e1a4fe4a799aa6d9a6ab26e}}"
      })
  void pythonsUuidFormsAreAccepted(String form) {
    JobCreateParams params = JSON.readJobCreateParams(with("{}", "agent", '"' + form + '"'));

    assertThat(params.agent()).contains(EXPECTED);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "1-1-1-1-1",
        "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26",
        "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e0",
        "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26g",
        "182bd5e5",
        "",
        " 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e ",
        "0x182bd5e56e1a4fe4a799aa6d9a6ab26e",
        "not a uuid"
      })
  void malformedUuidStringsAreRejected(String form) {
    assertRejected(() -> JSON.readJobCreateParams(with("{}", "agent", '"' + form + '"')))
        .hasOnlyViolation("agent", INVALID);
  }

  @Test
  void javasLenientFiveGroupFormIsRejected() {
    // Java alone would accept it, as the UUID 00000001-0001-0001-0001-000000000001.
    assertThat(UUID.fromString("1-1-1-1-1"))
        .isEqualTo(new UUID(0x0000000100010001L, 0x0001000000000001L));

    assertRejected(() -> JSON.readJobCreateParams("{\"project\": \"1-1-1-1-1\"}"))
        .hasOnlyViolation("project", INVALID);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"1.5", "true", "false", "[]", "{}", "[\"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\"]"})
  void nonStringValuesAreRejectedAsInvalidUuids(String value) {
    assertRejected(() -> JSON.readJobCreateParams(with("{}", "project", value)))
        .hasOnlyViolation("project", INVALID);
  }

  @Test
  void malformedJobIdIsRejectedOnId() {
    assertRejected(() -> JSON.readJob(with(MINIMAL_JOB, "id", "\"1-1-1-1-1\"")))
        .hasOnlyViolation("id", INVALID);
  }

  @Test
  void malformedJobOfAnIterationIsRejectedOnJob() {
    assertRejected(() -> JSON.readIteration(with(MINIMAL_ITERATION, "job", "\"nope\"")))
        .hasOnlyViolation("job", INVALID);
  }

  @Test
  void uppercaseIdReadsBackAndIsWrittenLowercase() {
    Job job = JSON.readJob(with(MINIMAL_JOB, "id", "\"182BD5E5-6E1A-4FE4-A799-AA6D9A6AB26E\""));

    assertThat(tree(JSON.write(job)).get("id").textValue())
        .isEqualTo("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  }
}
