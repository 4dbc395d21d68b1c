package io.github.jobstore.json;

import static io.github.jobstore.json.JsonTestSupport.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.PythonText;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.testkit.Generator;
import io.github.jobstore.testkit.Property;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.eclipse.collections.api.set.ImmutableSet;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of reading list query strings: a query written as a client would write it reads
 * back as an equal query, and no query string makes a reader throw anything but a {@link
 * ValidationException} on a known parameter or an {@link InvalidPageException}. A failure names the
 * seed; replay it with {@code -Djobstore.seed=...}.
 */
class QueryStringPropertiesTest {

  private static final int CASES = 2_000;

  /** Text with white space, separators and escapes inside, and characters beyond the BMP. */
  private static final String[] TEXT = {
    "a",
    "Z",
    "0",
    " ",
    "+",
    "&",
    "=",
    "%",
    "%41",
    "#",
    "?",
    "/",
    ",",
    "\"",
    "-",
    "_",
    ".",
    "\u00e9",
    "\u00a0",
    "\u3000",
    "\t",
    "\ud83d\ude00",
    "\u0661"
  };

  private static final String[] GARBAGE = {
    "&",
    "=",
    "+",
    "-",
    ".",
    ",",
    ":",
    "_",
    "e",
    "Z",
    "T",
    "W",
    "x",
    "0",
    "1",
    "9",
    "%00",
    "%20",
    "%2B",
    "%C3%A9",
    "%FF",
    "%E3%80%80",
    "%7B",
    "%7D",
    "2026-01-02",
    "T03:04",
    "1e50",
    "NaN",
    "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
    "running",
    "keep",
    "status",
    "-best_score",
    "order",
    "project=",
    "agent=",
    "status=",
    "job_type=",
    "analyzer_model=",
    "data_source=",
    "prompt_slug=",
    "created_after=",
    "created_before=",
    "score_min=",
    "score_max=",
    "search=",
    "ordering=",
    "page=",
    "page_size=",
    "job=",
    "iteration_name="
  };

  private static final Set<String> PARAMETERS =
      Set.of(
          "project",
          "agent",
          "status",
          "job_type",
          "analyzer_model",
          "data_source",
          "prompt_slug",
          "created_after",
          "created_before",
          "score_min",
          "score_max",
          "search",
          "job",
          "iteration_name");

  @Test
  void everyJobQueryReadsBackFromItsQueryString() {
    Property.forAll(
        CASES,
        random -> jobQuery(random),
        written ->
            assertThat(JSON.readJobQuery(URI.create("/api/jobs/?" + written.query())))
                .isEqualTo(written.value()));
  }

  @Test
  void everyIterationQueryReadsBackFromItsQueryString() {
    Property.forAll(
        CASES,
        random -> iterationQuery(random),
        written ->
            assertThat(
                    JSON.readIterationQuery(URI.create("/api/job-iterations/?" + written.query())))
                .isEqualTo(written.value()));
  }

  @Test
  void noQueryStringMakesAReaderThrowAnythingElse() {
    Generator<String> garbage =
        random -> {
          StringBuilder query = new StringBuilder();
          for (int i = random.nextInt(30); i > 0; i--) {
            query.append(GARBAGE[random.nextInt(GARBAGE.length)]);
          }
          return query.toString();
        };
    Property.forAll(
        CASES,
        garbage,
        query -> {
          assertOnlyExpectedFailures(() -> JSON.readJobQuery(URI.create("/api/jobs/?" + query)));
          assertOnlyExpectedFailures(
              () -> JSON.readIterationQuery(URI.create("/api/job-iterations/?" + query)));
        });
  }

  private static void assertOnlyExpectedFailures(Runnable read) {
    Throwable thrown = catchThrowable(read::run);
    if (thrown instanceof ValidationException e) {
      assertThat(e.violations()).isNotEmpty().extracting(Violation::field).isSubsetOf(PARAMETERS);
    } else if (thrown != null) {
      assertThat(thrown).isExactlyInstanceOf(InvalidPageException.class);
    }
  }

  /** A query and the query string a client writes for it. */
  record Written<T>(T value, String query) {}

  private static Written<JobQuery> jobQuery(RandomGenerator random) {
    JobQuery.Builder builder = JobQuery.builder();
    Parameters query = new Parameters(random);
    query.maybe("project", () -> uuid(random), UUID::toString, builder::project);
    query.maybe("agent", () -> uuid(random), UUID::toString, builder::agent);
    query.maybe(
        "status", () -> pick(random, JobStatus.values()), JobStatus::wireValue, builder::status);
    query.maybe(
        "job_type", () -> pick(random, JobType.values()), JobType::wireValue, builder::jobType);
    query.maybe("analyzer_model", () -> text(random), s -> s, builder::analyzerModel);
    query.maybe("data_source", () -> text(random), s -> s, builder::dataSource);
    query.maybe("prompt_slug", () -> text(random), s -> s, builder::promptSlug);
    query.maybe(
        "created_after",
        () -> instant(random),
        DateTimeFormatter.ISO_INSTANT::format,
        builder::createdAfter);
    query.maybe(
        "created_before",
        () -> instant(random),
        DateTimeFormatter.ISO_INSTANT::format,
        builder::createdBefore);
    query.maybe("score_min", () -> score(random), String::valueOf, builder::scoreMin);
    query.maybe("score_max", () -> score(random), String::valueOf, builder::scoreMax);
    query.maybe("search", () -> search(random), s -> s, builder::search);
    query.maybe(
        "ordering", () -> ordering(random, JobQuery.orderingFields()), s -> s, builder::ordering);
    query.maybe("page", () -> 1 + random.nextInt(1_000), String::valueOf, builder::page);
    query.maybe("page_size", () -> 1 + random.nextInt(100), String::valueOf, builder::pageSize);
    return new Written<>(builder.build(), query.toString());
  }

  private static Written<IterationQuery> iterationQuery(RandomGenerator random) {
    IterationQuery.Builder builder = IterationQuery.builder();
    Parameters query = new Parameters(random);
    query.maybe("job", () -> uuid(random), UUID::toString, builder::job);
    query.maybe("iteration_name", () -> text(random), s -> s, builder::iterationName);
    query.maybe(
        "status",
        () -> pick(random, IterationStatus.values()),
        IterationStatus::wireValue,
        builder::status);
    query.maybe("score_min", () -> score(random), String::valueOf, builder::scoreMin);
    query.maybe("score_max", () -> score(random), String::valueOf, builder::scoreMax);
    query.maybe("search", () -> search(random), s -> s, builder::search);
    query.maybe(
        "ordering",
        () -> ordering(random, IterationQuery.orderingFields()),
        s -> s,
        builder::ordering);
    query.maybe("page", () -> 1 + random.nextInt(1_000), String::valueOf, builder::page);
    query.maybe("page_size", () -> 1 + random.nextInt(100), String::valueOf, builder::pageSize);
    return new Written<>(builder.build(), query.toString());
  }

  /**
   * A query string under construction: each parameter set half the time, sometimes after an earlier
   * value of the same name that the last one overrides, and in a shuffled order.
   */
  private static final class Parameters {
    private final RandomGenerator random;
    private final List<String> pieces = new ArrayList<>();

    Parameters(RandomGenerator random) {
      this.random = random;
    }

    <V> void maybe(
        String name,
        java.util.function.Supplier<V> value,
        java.util.function.Function<V, String> wire,
        Consumer<V> setter) {
      if (random.nextBoolean()) {
        return;
      }
      V chosen = value.get();
      setter.accept(chosen);
      String piece = name + "=" + URLEncoder.encode(wire.apply(chosen), StandardCharsets.UTF_8);
      if (random.nextInt(4) == 0) {
        pieces.add(random.nextInt(pieces.size() + 1), name + "=%00" + "&" + piece);
      } else {
        pieces.add(random.nextInt(pieces.size() + 1), piece);
      }
    }

    @Override
    public String toString() {
      return String.join("&", pieces);
    }
  }

  private static UUID uuid(RandomGenerator random) {
    return new UUID(random.nextLong(), random.nextLong());
  }

  private static <E> E pick(RandomGenerator random, E[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Text as a filter keeps it: not empty, no white space at either end, no NUL. */
  private static String text(RandomGenerator random) {
    String text;
    do {
      StringBuilder builder = new StringBuilder();
      for (int i = 1 + random.nextInt(12); i > 0; i--) {
        builder.append(TEXT[random.nextInt(TEXT.length)]);
      }
      text = PythonText.strip(builder.toString());
    } while (text.isEmpty());
    return text;
  }

  /** Any search but an empty one, which means none. */
  private static String search(RandomGenerator random) {
    return random.nextInt(8) == 0 ? " " : text(random) + (random.nextBoolean() ? " " : "");
  }

  private static Instant instant(RandomGenerator random) {
    long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    return Instant.ofEpochSecond(random.nextLong(min, max + 1))
        .plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
  }

  /** A finite bound the API accepts: at most 1e50, and any double below. */
  private static double score(RandomGenerator random) {
    double score;
    do {
      score =
          random.nextBoolean()
              ? Double.longBitsToDouble(random.nextLong())
              : (random.nextInt(2001) - 1000) / 8.0;
    } while (!Double.isFinite(score) || score > 1e50);
    return score;
  }

  private static String ordering(RandomGenerator random, ImmutableSet<String> fields) {
    List<String> names = new ArrayList<>(fields.castToSet());
    names.sort(null);
    List<String> parts = new ArrayList<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      parts.add((random.nextBoolean() ? "-" : "") + pick(random, names.toArray(new String[0])));
    }
    return String.join(",", parts);
  }
}
