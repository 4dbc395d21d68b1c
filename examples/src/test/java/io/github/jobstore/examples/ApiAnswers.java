package io.github.jobstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the tests of {@link FakeJobsApi} share: a fake on a clock they control and {@link
 * SequentialIds}, and its answers read as JSON trees, so that a test compares whole documents
 * rather than pieces of text.
 */
final class ApiAnswers {

  /** The instant the clock starts at; the store keeps it in whole microseconds. */
  static final Instant START = Instant.parse("2026-01-02T03:04:05.123456789Z");

  /** {@link #START} as the API writes it. */
  static final String START_TEXT = "2026-01-02T03:04:05.123456Z";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiAnswers() {}

  /** Returns a fake whose store reads {@code clock} and hands out {@link SequentialIds}. */
  static FakeJobsApi fake(MutableClock clock) {
    return new FakeJobsApi(
        InMemoryJobStore.builder().clock(clock).idGenerator(new SequentialIds()).build());
  }

  /** Returns the {@code n}-th id the fake hands out, as the API writes it. */
  static String id(long n) {
    return SequentialIds.id(n).toString();
  }

  /** The ids numbered in {@code numbers}, separated by spaces ({@code "5 4 3"}). */
  static String[] ids(String numbers) {
    return Arrays.stream(numbers.split(" ")).map(n -> id(Long.parseLong(n))).toArray(String[]::new);
  }

  /** Asserts that {@code answer} has {@code status}, and returns its body as a tree. */
  static JsonNode body(FakeJobsApi.Response answer, int status) {
    assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
    return tree(answer.body());
  }

  /** Reads {@code json} as a tree; the test fails if it is not JSON. */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** The ids of a list answer's {@code results}, in order. */
  static List<String> resultIds(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.get("results").forEach(row -> ids.add(row.get("id").asText()));
    return ids;
  }
}
