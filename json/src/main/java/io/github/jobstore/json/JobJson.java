package io.github.jobstore.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the jobs API's JSON exactly as the API does. Thread-safe and reusable: make one
 * with {@link #create()} and share it.
 *
 * <p><b>Writing</b>: snake_case names; UUIDs lowercase with hyphens; times in UTC with {@code Z}
 * and microseconds when they have them ({@code 2026-01-02T03:04:05.123456Z}); enums by wire value;
 * JSON objects exactly, numbers included. Nullable fields ({@code agent}, {@code project}, {@code
 * triggered_by}, the scores, {@code result}, {@code backtest_results}, {@code dimension_scores})
 * are written as {@code null} in responses when empty; other empty fields, and every empty field of
 * a request (params), are left out.
 *
 * <p><b>Reading</b> is strict where the API is, and lenient where it is: it reports every violation
 * of a document at once as a {@link ValidationException} in the API's words (a malformed UUID, an
 * unknown choice, a fraction for an integer, a {@code null} for a field that may not be null, and
 * every constraint of the domain model); it ignores unknown fields and, in params, read-only
 * fields. A request body's strings (create params, patches, replacements) are stripped of white
 * space at either end, as Python's {@code str.strip()} strips them, before they are validated and
 * kept, as the API's {@code CharField} does ({@code " gpt-4o "} is {@code gpt-4o}; white space
 * alone is blank); UUIDs and choices are taken as they are, as the API takes them. A response
 * ({@link #readJob}, {@link #readIteration}) is read as it is. A document that is not JSON, or that
 * breaks a read limit (nesting deeper than 504 levels, room for a {@code result} nested {@link
 * io.github.jobstore.core.JsonValue#MAX_DEPTH 500} deep inside an iteration inside a job; a string
 * over 10,000,000 characters; a number over 1,000 characters; a document over 64 MiB), is a {@link
 * MalformedJsonException}. A JSON object field nested deeper than 500 levels within a document that
 * fits these limits is a violation of that field. Nothing else escapes a reader.
 */
public final class JobJson {

  private final JsonFactory factory;
  private final JsonTrees trees;

  private JobJson(JsonFactory factory) {
    this.factory = factory;
    this.trees = new JsonTrees(factory);
  }

  /** Returns a codec with the read limits above. */
  public static JobJson create() {
    return new JobJson(JsonTrees.limitedFactory());
  }

  /** Writes a job as the API returns it, iterations included. */
  public String write(Job job) {
    return write(out -> Documents.JOB.write(out, requireNonNull(job, "job")));
  }

  /** Writes an iteration as the API returns it. */
  public String write(Iteration iteration) {
    return write(out -> Documents.ITERATION.write(out, requireNonNull(iteration, "iteration")));
  }

  /** Writes create params as a request body. */
  public String write(JobCreateParams params) {
    return write(out -> Documents.JOB_PARAMS.write(out, requireNonNull(params, "params")));
  }

  /** Writes iteration params as a request body. */
  public String write(IterationCreateParams params) {
    return write(out -> Documents.ITERATION_PARAMS.write(out, requireNonNull(params, "params")));
  }

  /**
   * Reads a job.
   *
   * @throws ValidationException listing every violation of the document
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public Job readJob(String json) {
    return Documents.JOB.read(parse(json));
  }

  /**
   * Reads an iteration.
   *
   * @throws ValidationException listing every violation of the document
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public Iteration readIteration(String json) {
    return Documents.ITERATION.read(parse(json));
  }

  /**
   * Reads the body of {@code jobs.create}; read-only and unknown fields are ignored, and strings
   * are stripped as the API strips them.
   *
   * @throws ValidationException listing every violation of the document
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public JobCreateParams readJobCreateParams(String json) {
    return Documents.JOB_PARAMS.read(parse(json));
  }

  /**
   * Reads the body of {@code POST /api/job-iterations/}: {@code iteration_name} and {@code job} are
   * required (each missing one is {@code This field is required.}, reported with every other
   * violation at once, in schema order); read-only and unknown fields ({@code id}, {@code
   * created_at}, ...) are ignored. Strings are stripped as the API strips them.
   *
   * @throws ValidationException listing every violation of the document
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public IterationCreateParams readIterationCreateParams(String json) {
    return Documents.ITERATION_PARAMS.read(parse(json));
  }

  /**
   * Reads the body of {@code PATCH /api/jobs/{id}/} as a change for {@link JobStore#update}: the
   * fields present are set, {@code null} clears a nullable field, absent fields stay as they are,
   * and read-only fields are ignored. Strings are stripped as the API strips them. The document is
   * validated here, as a create body is, so a bad patch fails before the store is touched.
   *
   * @throws ValidationException listing every violation of the document
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public UnaryOperator<Job> readJobPatch(String json) {
    JsonNode root = parse(json);
    return change(
        root,
        Documents.JOB_PARAMS.readPartial(root),
        Documents.JOB_PATCH,
        Job::toBuilder,
        Job.Builder::build);
  }

  /**
   * Reads the body of {@code PUT /api/jobs/{id}/} as a change for {@link JobStore#update}. A job
   * create requires none of its writable fields, so a job's {@code PUT} is exactly its {@code
   * PATCH} ({@link #readJobPatch}): as in Django REST framework, a field absent from a {@code PUT}
   * keeps its value (the API's serializer fields have no defaults, so an absent field is not in the
   * validated data that the update sets).
   *
   * @throws ValidationException listing every violation of the document
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public UnaryOperator<Job> readJobReplacement(String json) {
    JsonNode root = parse(json);
    return change(
        root,
        Documents.JOB_PARAMS.read(root),
        Documents.JOB_PATCH,
        Job::toBuilder,
        Job.Builder::build);
  }

  /**
   * Reads the body of {@code PATCH /api/job-iterations/{id}/} as a change for the store's {@code
   * updateIteration}: the fields present are set ({@code job} moves the iteration to that job),
   * {@code null} clears a nullable field, absent fields stay as they are, and read-only fields
   * ({@code id}, {@code created_at}) are ignored. Strings are stripped as the API strips them. The
   * document is validated here, so a bad patch fails before the store is touched.
   *
   * @throws ValidationException listing every violation of the document
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public UnaryOperator<Iteration> readIterationPatch(String json) {
    JsonNode root = parse(json);
    return change(
        root,
        Documents.ITERATION_PARAMS.readPartial(root),
        Documents.ITERATION_PATCH,
        Iteration::toBuilder,
        Iteration.Builder::build);
  }

  /**
   * Reads the body of {@code PUT /api/job-iterations/{id}/} as a change for the store's {@code
   * updateIteration}: a {@link #readIterationPatch patch} that also requires {@code iteration_name}
   * and {@code job}, as a create does. As in Django REST framework, an optional field absent from a
   * {@code PUT} keeps its value (the API's serializer fields have no defaults, so an absent field
   * is not in the validated data that the update sets); {@code null} clears a nullable field.
   *
   * @throws ValidationException listing every violation of the document, each missing required
   *     field included
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public UnaryOperator<Iteration> readIterationReplacement(String json) {
    JsonNode root = parse(json);
    return change(
        root,
        Documents.ITERATION_PARAMS.read(root),
        Documents.ITERATION_PATCH,
        Iteration::toBuilder,
        Iteration.Builder::build);
  }

  /**
   * Reads the query string of {@code GET /api/jobs/} as the API's view reads it (django-filter's
   * {@code FilterSet}, then Django REST framework 3.15's {@code SearchFilter}, {@code
   * OrderingFilter} and {@code PageNumberPagination}).
   *
   * <p><b>The query string</b> is {@code requestUri}'s raw query, read as Django's {@code
   * QueryDict}: split at {@code &}, each name and value {@code +}-as-space and percent-decoded as
   * UTF-8 (a bad escape stays as it is; bytes that are not UTF-8 become U+FFFD); a name without
   * {@code =} has an empty value; a repeated name keeps its last value; unknown names are ignored.
   *
   * <p><b>Filters</b>: {@code project}, {@code agent} (UUIDs), {@code status}, {@code job_type}
   * (choices by wire value), {@code analyzer_model}, {@code data_source}, {@code prompt_slug}
   * (exact text), {@code created_after}, {@code created_before} (inclusive times), {@code
   * score_min}, {@code score_max} (inclusive bounds on {@code best_score}). An absent or empty
   * value filters nothing; so does a UUID or text that is only white space (a choice, time or
   * number of white space alone is a bad value). Each bad value is one violation on its parameter,
   * all reported at once, in the order above:
   *
   * <ul>
   *   <li>a UUID is stripped of white space at either end (Python's {@code str.strip()}) and read
   *       as Python's {@code uuid.UUID} reads it (32 hex digits in any case, hyphens anywhere,
   *       {@code {...}} and {@code urn:uuid:} allowed); otherwise {@code Enter a valid UUID.};
   *   <li>a choice must be a wire value exactly, not stripped; otherwise {@code Select a valid
   *       choice. <value> is not one of the available choices.};
   *   <li>text is stripped and matched exactly; a NUL character in it is {@code Null characters are
   *       not allowed.};
   *   <li>a time is ISO 8601 as Django's {@code parse_datetime} reads it (see {@code
   *       docs/behaviour.md}): {@code 2026-01-02T03:04:05Z}, an offset, a fraction, or a date alone
   *       (midnight); one without an offset is in UTC, the server's time zone; otherwise {@code
   *       Enter a valid date/time.};
   *   <li>a number is a Python {@code Decimal} (stripped; {@code 1.5}, {@code -2}, {@code 1e-3});
   *       {@code NaN}, an infinity or anything else is {@code Enter a number.}, and one above
   *       {@code 1e50} is {@code Ensure this value is less than or equal to 1e+50.}, as
   *       django-filter's {@code NumberFilter} says.
   * </ul>
   *
   * <p><b>{@code search}</b> is kept as it is (see {@link JobQuery#search()}); a NUL character in
   * it is {@code Null characters are not allowed.} on {@code search}, checked only when the filters
   * are valid. <b>{@code ordering}</b> is split at commas, each part stripped; parts that name no
   * field of {@link JobQuery#orderingFields()} (with or without {@code -}) are dropped, and none
   * left means the default. <b>{@code page}</b> absent or empty is 1; otherwise Python's {@code
   * int()} must read a positive integer ({@code " 2 "}, {@code +2}, {@code 1_0} are fine; {@code
   * 2.0} and {@code last} are not). <b>{@code page_size}</b> that Python's {@code int()} does not
   * read as a positive integer is 100; above 100 it is 100.
   *
   * @throws ValidationException listing every bad filter; this wins over a bad page, as filtering
   *     runs before pagination in the API
   * @throws InvalidPageException if the filters are valid and {@code page} is not a positive
   *     integer
   */
  public JobQuery readJobQuery(URI requestUri) {
    return ListParameters.job(requireNonNull(requestUri, "requestUri"));
  }

  /**
   * Reads the query string of {@code GET /api/job-iterations/} as {@link #readJobQuery} reads a job
   * list's, with these filters, in this order: {@code job} (UUID), {@code iteration_name} (exact
   * text), {@code status} (an iteration status's wire value), {@code score_min}, {@code score_max}
   * (inclusive bounds on {@code avg_score}); {@code search}, {@code ordering} (over {@link
   * IterationQuery#orderingFields()}), {@code page} and {@code page_size} as there.
   *
   * @throws ValidationException listing every bad filter, before a bad page
   * @throws InvalidPageException if the filters are valid and {@code page} is not a positive
   *     integer
   */
  public IterationQuery readIterationQuery(URI requestUri) {
    return ListParameters.iteration(requireNonNull(requestUri, "requestUri"));
  }

  /**
   * Writes one page of jobs as the API's list response: {@code count}, {@code next} and {@code
   * previous} (the request's URI with its {@code page} parameter set, or {@code null}), and each
   * job's summary row in {@code results}.
   */
  public String writeJobList(Page<Job> page, URI requestUri) {
    return writeList(
        page, requestUri, (out, job) -> Document.write(out, job, Documents.JOB_SUMMARY, true));
  }

  /**
   * Writes one page of iterations as the API's list response ({@code GET /api/job-iterations/}):
   * {@code count}, {@code next} and {@code previous} (the request's URI with its {@code page}
   * parameter set, or {@code null}), and each iteration in full in {@code results}.
   */
  public String writeIterationList(Page<Iteration> page, URI requestUri) {
    return writeList(page, requestUri, Documents.ITERATION::write);
  }

  /**
   * Writes the body of the API's {@code 400} for {@code exception}: each field's messages, {@code
   * {"field": ["message", ...], ...}}, fields in the order of the violations.
   */
  public String errorBody(ValidationException exception) {
    Map<String, List<String>> messages = new LinkedHashMap<>();
    for (Violation violation : exception.violations()) {
      messages
          .computeIfAbsent(violation.field(), field -> new ArrayList<>())
          .add(violation.message());
    }
    return write(
        out -> {
          out.writeStartObject();
          for (Map.Entry<String, List<String>> field : messages.entrySet()) {
            out.writeArrayFieldStart(field.getKey());
            for (String message : field.getValue()) {
              out.writeString(message);
            }
            out.writeEndArray();
          }
          out.writeEndObject();
        });
  }

  /**
   * Writes the body of the API's {@code 400} for a document that is not JSON: {@code {"detail":
   * "JSON parse error - ..."}}.
   */
  public String errorBody(MalformedJsonException exception) {
    return write(
        out -> {
          out.writeStartObject();
          out.writeStringField("detail", String.valueOf(exception.getMessage()));
          out.writeEndObject();
        });
  }

  /**
   * The change that sets, on a value's builder, each field of {@code fields} present in {@code
   * root} to its value in {@code values} (the body read and validated), clearing it for {@code
   * null}. The fields are params' fields, so a change never sets a read-only field.
   */
  private static <P, T, B> UnaryOperator<T> change(
      JsonNode root,
      P values,
      List<Field<P, B, ?>> fields,
      Function<T, B> toBuilder,
      Function<B, T> build) {
    List<Field<P, B, ?>> present = fields.stream().filter(field -> root.has(field.name())).toList();
    return value -> {
      B changed = toBuilder.apply(value);
      present.forEach(field -> field.copy(values, changed));
      return build.apply(changed);
    };
  }

  /** The API's list envelope around one page, each result written by {@code row}. */
  private <T> String writeList(Page<T> page, URI requestUri, Row<T> row) {
    requireNonNull(page, "page");
    requireNonNull(requestUri, "requestUri");
    return write(
        out -> {
          out.writeStartObject();
          out.writeNumberField("count", page.count());
          writeLink(
              out, "next", page.hasNext() ? PageLinks.withPage(requestUri, page.page() + 1) : null);
          writeLink(
              out,
              "previous",
              page.hasPrevious() ? PageLinks.withPage(requestUri, page.page() - 1) : null);
          out.writeArrayFieldStart("results");
          for (T result : page.results()) {
            row.write(out, result);
          }
          out.writeEndArray();
          out.writeEndObject();
        });
  }

  private static void writeLink(JsonGenerator out, String name, @Nullable URI link)
      throws IOException {
    if (link == null) {
      out.writeNullField(name);
    } else {
      out.writeStringField(name, link.toString());
    }
  }

  private JsonNode parse(String json) {
    return trees.parse(requireNonNull(json, "json"));
  }

  private String write(Writing writing) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = factory.createGenerator(text)) {
      writing.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to a string cannot fail", e);
    }
    return text.toString();
  }

  /** How to write one result of a list. */
  @FunctionalInterface
  private interface Row<T> {
    void write(JsonGenerator out, T result) throws IOException;
  }

  /** What to write to a generator. */
  @FunctionalInterface
  private interface Writing {
    void writeTo(JsonGenerator out) throws IOException;
  }
}
