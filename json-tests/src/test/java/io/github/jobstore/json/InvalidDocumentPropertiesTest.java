package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static io.github.jobstore.json.JsonTestSupport.hasWhiteSpaceAtAnEnd;
import static io.github.jobstore.json.JsonTestSupport.object;
import static io.github.jobstore.json.JsonTestSupport.pythonStrip;
import static io.github.jobstore.json.JsonTestSupport.rejected;
import static io.github.jobstore.json.JsonTestSupport.text;
import static io.github.jobstore.json.JsonTestSupport.withSomeJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.testkit.Generator;
import io.github.jobstore.testkit.Invalid;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.Property;
import java.util.Optional;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every invalid input of the testkit's generators, turned into the JSON document a client would
 * send (the valid base written by the codec, then the one broken field set or removed in the JSON
 * tree), is rejected by the matching reader with exactly the generator's expected violation.
 *
 * <p>A broken string goes in as a JSON string; a non-finite score as the bare literal {@code NaN},
 * {@code Infinity} or {@code -Infinity}, which the reader accepts as Python's {@code json} does; a
 * missing required field by removing its key.
 */
class InvalidDocumentPropertiesTest {

  private static final int CASES = 1_000;

  @Test
  void everyInvalidCreateParamsDocumentIsRejectedWithExactlyItsViolation() {
    assertEveryDocumentRejected(
        requestBreaches(JobGenerators.invalidCreateParams()),
        JSON::write,
        JSON::readJobCreateParams);
  }

  @Test
  void everyInvalidIterationCreateParamsDocumentIsRejectedWithExactlyItsViolation() {
    assertEveryDocumentRejected(
        requestBreaches(JobGenerators.invalidIterationCreateParams()),
        params -> JSON.write(withSomeJob(params)),
        JSON::readIterationCreateParams);
  }

  @Test
  void everyInvalidJobDocumentIsRejectedWithExactlyItsViolation() {
    assertEveryDocumentRejected(JobGenerators.invalidJobs(), JSON::write, JSON::readJob);
  }

  @Test
  void everyInvalidIterationDocumentIsRejectedWithExactlyItsViolation() {
    assertEveryDocumentRejected(
        JobGenerators.invalidIterations(), JSON::write, JSON::readIteration);
  }

  @Test
  void everyInvalidCreateParamsDocumentIsRejectedByThePatchReaderToo() {
    assertEveryDocumentRejected(
        requestBreaches(JobGenerators.invalidCreateParams()), JSON::write, JSON::readJobPatch);
  }

  @Test
  void everyInvalidIterationCreateParamsDocumentIsRejectedByThePutReaderToo() {
    assertEveryDocumentRejected(
        requestBreaches(JobGenerators.invalidIterationCreateParams()),
        params -> JSON.write(withSomeJob(params)),
        JSON::readIterationReplacement);
  }

  /**
   * The invalid inputs whose breach a request's stripping keeps: all but a too-long string with
   * white space at an end, which stripping may bring within its limit (the wire tests pin that edge
   * down). A blank string stays blank.
   */
  private static <T> Generator<Invalid<T>> requestBreaches(Generator<Invalid<T>> invalids) {
    return random -> {
      Invalid<T> invalid = invalids.next(random);
      while (invalid
          .value()
          .filter(InvalidDocumentPropertiesTest::strippedToOtherText)
          .isPresent()) {
        invalid = invalids.next(random);
      }
      return invalid;
    };
  }

  private static boolean strippedToOtherText(Object value) {
    return value instanceof String text
        && !pythonStrip(text).isEmpty()
        && hasWhiteSpaceAtAnEnd(text);
  }

  @Test
  void nonFiniteScoresAreWrittenAsBarePythonLiteralsInTheBrokenDocuments() {
    // Guards the property's own plumbing: the documents really carry NaN / Infinity literals.
    ObjectNode document = object("{}");
    document.put("a", Double.NaN);
    document.put("b", Double.POSITIVE_INFINITY);
    document.put("c", Double.NEGATIVE_INFINITY);

    assertThat(text(document)).isEqualTo("{\"a\":NaN,\"b\":Infinity,\"c\":-Infinity}");
  }

  private static <T> void assertEveryDocumentRejected(
      Generator<Invalid<T>> invalids, Function<T, String> write, Function<String, ?> read) {
    Property.forAll(
        CASES,
        invalids,
        invalid -> {
          String document = broken(write.apply(invalid.base()), invalid);
          ThrowingCallable reading = () -> read.apply(document);
          ValidationException e = rejected(reading);
          assertThat(e.violations()).containsExactly(invalid.expected());
          invalid
              .value()
              .filter(String.class::isInstance)
              .map(String.class::cast)
              .filter(value -> !value.isBlank())
              .ifPresent(value -> assertThat(e.getMessage()).doesNotContain(value));
        });
  }

  /** The valid document with the invalid input's one field set to its value, or removed. */
  private static String broken(String valid, Invalid<?> invalid) {
    ObjectNode document = object(valid);
    Optional<Object> value = invalid.value();
    if (value.isEmpty()) {
      document.remove(invalid.field());
    } else if (value.get() instanceof String string) {
      document.put(invalid.field(), string);
    } else if (value.get() instanceof Double number) {
      document.put(invalid.field(), number);
    } else {
      fail("no JSON form for %s", invalid);
    }
    return text(document);
  }
}
