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
 * fields. A document that is not JSON, or that breaks a read limit (nesting deeper than 504 levels,
 * room for a {@code result} nested {@link io.github.jobstore.core.JsonValue#MAX_DEPTH 500} deep
 * inside an iteration inside a job; a string over 10,000,000 characters; a number over 1,000
 * characters; a document over 64 MiB), is a {@link MalformedJsonException}. A JSON object field
 * nested deeper than 500 levels within a document that fits these limits is a violation of that
 * field. Nothing else escapes a reader.
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
   * Reads the body of {@code jobs.create}; read-only and unknown fields are ignored.
   *
   * @throws ValidationException listing every violation of the document
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public JobCreateParams readJobCreateParams(String json) {
    return Documents.JOB_PARAMS.read(parse(json));
  }

  /**
   * Reads the body of an iteration create, {@code job} included when present; read-only and unknown
   * fields ({@code id}, {@code created_at}, ...) are ignored.
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
   * and read-only fields are ignored. The document is validated here, as a create body is, so a bad
   * patch fails before the store is touched.
   *
   * @throws ValidationException listing every violation of the document
   * @throws MalformedJsonException if the document is not JSON or breaks a read limit
   */
  public UnaryOperator<Job> readJobPatch(String json) {
    JsonNode root = parse(json);
    JobCreateParams values = Documents.JOB_PARAMS.read(root);
    List<Field<JobCreateParams, Job.Builder, ?>> present =
        Documents.JOB_PATCH.stream().filter(field -> root.has(field.name())).toList();
    // Params have no read-only fields, so a patch never changes one.
    return job -> {
      Job.Builder patched = job.toBuilder();
      present.forEach(field -> field.copy(values, patched));
      return patched.build();
    };
  }

  /**
   * Writes one page of jobs as the API's list response: {@code count}, {@code next} and {@code
   * previous} (the request's URI with its {@code page} parameter set, or {@code null}), and each
   * job's summary row in {@code results}.
   */
  public String writeJobList(Page<Job> page, URI requestUri) {
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
          for (Job job : page.results()) {
            Document.write(out, job, Documents.JOB_SUMMARY, true);
          }
          out.writeEndArray();
          out.writeEndObject();
        });
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

  /** What to write to a generator. */
  @FunctionalInterface
  private interface Writing {
    void writeTo(JsonGenerator out) throws IOException;
  }
}
