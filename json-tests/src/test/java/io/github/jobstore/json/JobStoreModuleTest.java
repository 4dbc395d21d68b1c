package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.assertSameTreeByValue;
import static io.github.jobstore.json.JsonTestSupport.resource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.Property;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link JobStoreModule} on a plain {@link ObjectMapper} maps the domain types exactly as {@link
 * JobJson} does.
 */
class JobStoreModuleTest {

  private static final int CASES = 200;
  private static final String REFERENCE = resource("reference-job.json");

  private final ObjectMapper mapper = new ObjectMapper().registerModule(new JobStoreModule());

  @Test
  void referenceJobIsWrittenAsJobJsonWritesIt() throws JsonProcessingException {
    Job job = JSON.readJob(REFERENCE);

    assertSameTreeByValue(mapper.writeValueAsString(job), JSON.write(job));
  }

  @Test
  void referenceJobIsReadAsJobJsonReadsIt() throws JsonProcessingException {
    assertThat(mapper.readValue(REFERENCE, Job.class)).isEqualTo(JSON.readJob(REFERENCE));
  }

  @Test
  void everyGeneratedJobIsWrittenAndReadAsJobJsonDoes() {
    Property.forAll(
        CASES,
        JobGenerators.validJobs(),
        job -> {
          String written = write(job);
          assertSameTreeByValue(written, JSON.write(job));
          assertThat(read(written, Job.class)).isEqualTo(JSON.readJob(written));
        });
  }

  @Test
  void everyGeneratedIterationIsWrittenAndReadAsJobJsonDoes() {
    Property.forAll(
        CASES,
        JobGenerators.validIterations(),
        iteration -> {
          String written = write(iteration);
          assertSameTreeByValue(written, JSON.write(iteration));
          assertThat(read(written, Iteration.class)).isEqualTo(JSON.readIteration(written));
        });
  }

  @Test
  void everyGeneratedCreateParamsIsWrittenAndReadAsJobJsonDoes() {
    Property.forAll(
        CASES,
        JobGenerators.validCreateParams(),
        params -> {
          String written = write(params);
          assertSameTreeByValue(written, JSON.write(params));
          assertThat(read(written, JobCreateParams.class))
              .isEqualTo(JSON.readJobCreateParams(written));
        });
  }

  @Test
  void everyGeneratedIterationParamsIsWrittenAndReadAsJobJsonDoes() {
    Property.forAll(
        CASES,
        JobGenerators.validIterationCreateParams()
            .map(
                params ->
                    params.withJob(UUID.nameUUIDFromBytes(params.iterationName().getBytes(UTF_8)))),
        params -> {
          String written = write(params);
          assertSameTreeByValue(written, JSON.write(params));
          assertThat(read(written, IterationCreateParams.class))
              .isEqualTo(JSON.readIterationCreateParams(written));
        });
  }

  @Test
  void jsonValuesAreWrittenExactly() throws JsonProcessingException {
    JsonObject object = JsonObject.of(Map.of("x", new BigDecimal("1.50")));

    assertThat(mapper.writeValueAsString(object)).isEqualTo("{\"x\":1.50}");
  }

  @Test
  void jobsInsideTheUsersOwnTypesAreMappedToo() throws JsonProcessingException {
    Job job = JSON.readJob(REFERENCE);

    String written = mapper.writeValueAsString(Map.of("job", job));

    assertSameTreeByValue(written, "{\"job\":" + JSON.write(job) + "}");
  }

  @Test
  void domainValuesInsideCollectionsAreReadAsJobJsonReadsThem() throws JsonProcessingException {
    String json = "{\"a\": {\"status\": \"running\"}, \"b\": {\"analyzer_model\": 7}}";

    Map<String, JobCreateParams> read =
        mapper.readValue(json, new TypeReference<Map<String, JobCreateParams>>() {});

    assertThat(read)
        .containsExactly(
            entry("a", JSON.readJobCreateParams("{\"status\": \"running\"}")),
            entry("b", JSON.readJobCreateParams("{\"analyzer_model\": \"7\"}")));
  }

  @Test
  void invalidRootDocumentThrowsTheValidationExceptionItself() {
    Throwable thrown =
        catchThrowable(() -> mapper.readValue("{\"status\": \"x\"}", JobCreateParams.class));

    assertThat(thrown).isExactlyInstanceOf(ValidationException.class);
    assertThat(((ValidationException) thrown).violations())
        .containsExactly(new Violation("status", "\"x\" is not a valid choice."));
  }

  @Test
  void invalidNestedDocumentIsWrappedByJacksonWithTheValidationExceptionAsCause() {
    Throwable thrown =
        catchThrowable(
            () ->
                mapper.readValue(
                    "[{\"iteration_name\": \"\", \"job\": \"" + new UUID(1, 2) + "\"}]",
                    new TypeReference<List<IterationCreateParams>>() {}));

    assertThat(thrown).isInstanceOf(JsonMappingException.class);
    assertThat(thrown).cause().isExactlyInstanceOf(ValidationException.class);
    assertThat(((ValidationException) requireNonNull(thrown.getCause())).violations())
        .containsExactly(new Violation("iteration_name", "This field may not be blank."));
  }

  @Test
  void jsonObjectsAreReadExactlyToo() throws JsonProcessingException {
    // The module's documentation says it maps JSON values as JobJson does; reading them back is
    // the other half of that mapping (a user's own type may hold a JsonObject).
    JsonObject read = mapper.readValue("{\"x\": 1.50, \"n\": [true, null]}", JsonObject.class);

    assertThat(read)
        .isEqualTo(
            JSON.readJobCreateParams("{\"result\": {\"x\": 1.50, \"n\": [true, null]}}")
                .result()
                .orElseThrow());
  }

  private String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
