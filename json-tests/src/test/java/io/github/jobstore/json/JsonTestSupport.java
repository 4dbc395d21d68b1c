package io.github.jobstore.json;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.testkit.Generator;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.assertj.JobStoreAssertions;
import io.github.jobstore.testkit.assertj.ValidationExceptionAssert;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the json module's tests share: one codec, a plain Jackson mapper that keeps numbers exactly
 * (to look at what the codec writes, and to build documents it reads), and assertions on trees and
 * on rejections.
 */
final class JsonTestSupport {

  /** The codec under test; it is thread-safe and reusable, so the tests share one. */
  static final JobJson JSON = JobJson.create();

  /**
   * Jackson with exact numbers (no float rounding, no stripped zeros), and {@code NaN} / {@code
   * Infinity} written as bare literals, as Python's {@code json.dumps} does.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.instance)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .build();

  /** An id in the documents the tests build. */
  static final String ID = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";

  /** A time in the documents the tests build. */
  static final String TIME = "2026-01-02T03:04:05Z";

  /** The smallest valid job document: its required fields only. */
  static final String MINIMAL_JOB =
      "{\"id\": \""
          + ID
          + "\", \"created_at\": \""
          + TIME
          + "\", \"updated_at\": \""
          + TIME
          + "\"}";

  /** The smallest valid iteration document: its required fields only. */
  static final String MINIMAL_ITERATION =
      "{\"id\": \""
          + ID
          + "\", \"created_at\": \""
          + TIME
          + "\", \"iteration_name\": \"iter_001\", \"job\": \""
          + ID
          + "\"}";

  /** The smallest valid iteration params document: its name and its job. */
  static final String MINIMAL_ITERATION_PARAMS =
      "{\"iteration_name\": \"iter_001\", \"job\": \"" + ID + "\"}";

  /** The message of a malformed or unparseable date-time, as the API words it. */
  static final String DATETIME_MESSAGE =
      "Datetime has wrong format. Use one of these formats instead:"
          + " YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

  /**
   * Every character Python's {@code str.isspace()} accepts, as Python 3 lists them ({@code [c for c
   * in range(0x110000) if chr(c).isspace()]}): what {@code str.strip()} removes.
   */
  static final String PYTHON_WHITESPACE =
      "\t\n\u000B\f\r\u001C\u001D\u001E\u001F \u0085\u00A0\u1680"
          + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
          + "\u2028\u2029\u202F\u205F\u3000";

  private JsonTestSupport() {}

  /** Python's {@code s.strip()}, from {@link #PYTHON_WHITESPACE}: the tests' own oracle. */
  static String pythonStrip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && PYTHON_WHITESPACE.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && PYTHON_WHITESPACE.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Whether a string starts or ends with white space, which a request's read strips. */
  static boolean hasWhiteSpaceAtAnEnd(String s) {
    return !pythonStrip(s).equals(s);
  }

  /** {@code params} with every string stripped, as a request body's strings are read. */
  static JobCreateParams stripped(JobCreateParams params) {
    return params
        .withAnalyzerModel(params.analyzerModel().map(JsonTestSupport::pythonStrip))
        .withBestAgentCode(params.bestAgentCode().map(JsonTestSupport::pythonStrip))
        .withCeleryTaskId(params.celeryTaskId().map(JsonTestSupport::pythonStrip))
        .withDataSource(params.dataSource().map(JsonTestSupport::pythonStrip))
        .withPromptSlug(params.promptSlug().map(JsonTestSupport::pythonStrip))
        .withReportMarkdown(params.reportMarkdown().map(JsonTestSupport::pythonStrip));
  }

  /** {@code params} with every string stripped, as a request body's strings are read. */
  static IterationCreateParams stripped(IterationCreateParams params) {
    return params
        .withIterationName(pythonStrip(params.iterationName()))
        .withAgentCode(params.agentCode().map(JsonTestSupport::pythonStrip))
        .withDescription(params.description().map(JsonTestSupport::pythonStrip));
  }

  /**
   * Valid iteration create bodies: the testkit's params with a {@code job}, which the wire requires
   * (the testkit leaves it to {@code appendIteration}).
   */
  static Generator<IterationCreateParams> iterationCreateBodies() {
    return JobGenerators.validIterationCreateParams().map(JsonTestSupport::withSomeJob);
  }

  /** {@code params} with a {@code job} drawn from its name. */
  static IterationCreateParams withSomeJob(IterationCreateParams params) {
    return params.withJob(
        UUID.nameUUIDFromBytes(params.iterationName().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * {@code document} with its member {@code field} replaced by (or added as) {@code rawValue}, a
   * piece of JSON text inserted as it is (so it may be {@code NaN}, a huge number, anything).
   */
  static String with(String document, String field, String rawValue) {
    String rest = text(without(document, field));
    String member = text(JsonNodeFactory.instance.textNode(field)) + ":" + rawValue;
    return rest.equals("{}") ? "{" + member + "}" : "{" + member + "," + rest.substring(1);
  }

  /** {@code document} without its member {@code field}. */
  static ObjectNode without(String document, String field) {
    ObjectNode node = object(document);
    node.remove(field);
    return node;
  }

  /**
   * A JSON document written with single quotes for readability: {@code doc("{'a': 1}")} is {@code
   * {"a": 1}}. Only for documents without apostrophes in their strings.
   */
  static String doc(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** Parses {@code json} with the plain mapper. */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a JSON object with the plain mapper. */
  static ObjectNode object(String json) {
    JsonNode node = tree(json);
    assertThat(node.isObject()).as("a JSON object: %s", json).isTrue();
    return (ObjectNode) node;
  }

  /**
   * Writes a tree with the plain mapper; non-finite numbers become {@code NaN} / {@code Infinity}.
   */
  static String text(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of an object's members, in document order. */
  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /**
   * A copy of {@code node} with every number replaced by its value without trailing zeros, so that
   * trees compare numbers by value ({@code 0}, {@code 0.0} and {@code 0E+3} are one number).
   */
  static JsonNode numbersByValue(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        copy.set(member.getKey(), numbersByValue(member.getValue()));
      }
      return copy;
    } else if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(numbersByValue(element)));
      return copy;
    } else if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      return JsonNodeFactory.instance.numberNode(
          value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
    }
    return node;
  }

  /** Asserts that two documents are the same JSON tree, numbers compared by value. */
  static void assertSameTreeByValue(String actual, String expected) {
    assertThat(numbersByValue(tree(actual))).isEqualTo(numbersByValue(tree(expected)));
  }

  /** Runs {@code call}, asserts that it throws a {@link ValidationException}, and returns it. */
  static ValidationException rejected(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown)
        .as("what was thrown (null: the input was accepted)")
        .isExactlyInstanceOf(ValidationException.class);
    return (ValidationException) thrown;
  }

  /** Starts assertions on the {@link ValidationException} that {@code call} must throw. */
  static ValidationExceptionAssert assertRejected(ThrowingCallable call) {
    return JobStoreAssertions.assertThat(rejected(call));
  }

  /** The text of a test resource next to the tests. */
  static String resource(String name) {
    try (InputStream in = requireNonNull(JsonTestSupport.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
