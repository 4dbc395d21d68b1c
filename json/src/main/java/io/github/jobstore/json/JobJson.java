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
