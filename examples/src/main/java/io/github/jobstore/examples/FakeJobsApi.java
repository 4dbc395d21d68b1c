package io.github.jobstore.examples;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.json.JobJson;
import io.github.jobstore.json.MalformedJsonException;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.JobStore;
import java.net.URI;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of the jobs API, for tests of code that speaks HTTP to it: plug {@link #handle} into
 * whatever HTTP stub your tests use. It serves both of the API's resources, {@code /api/jobs/} and
 * {@code /api/job-iterations/}: list ({@code GET}) and create ({@code POST}, 201) on the
 * collection; retrieve ({@code GET}), update ({@code PATCH}, and {@code PUT}) and delete ({@code
 * DELETE}, 204 with an empty body) on one item, {@code /api/jobs/{id}/}. Bodies and query strings
 * are read and written with {@link JobJson}, jobs and iterations kept in a {@link JobStore}, and
 * errors answered as the API answers them:
 *
 * <ul>
 *   <li>400 with each field's messages ({@link JobJson#errorBody(ValidationException)}) for a body
 *       or query parameter that breaks a constraint, and 400 {@code {"detail":"JSON parse error -
 *       ..."}} for a body that is not JSON;
 *   <li>404 {@code {"detail":"Not found."}} for an id that names no job or iteration, or is not a
 *       UUID, and for a path the API does not have (the service answers those with an HTML page);
 *   <li>404 {@code {"detail":"Invalid page."}} for a list page past the last, or a {@code page}
 *       that is not a positive integer;
 *   <li>405 {@code {"detail":"Method \"X\" not allowed."}} for a known path and a method it does
 *       not serve ({@code HEAD} and {@code OPTIONS} included: the fake does not serve them).
 * </ul>
 *
 * <p>As in the API, an item is looked up before its body is read: an update of an unknown item is a
 * 404 even when its body is bad. Thread-safe, as its store is: the fake keeps no state of its own.
 */
public final class FakeJobsApi {

  /** A status code and a JSON body (empty for a 204). */
  public record Response(int status, String body) {}

  /** A resource's prefix, then an item's id, if any, as the API's router matches them. */
  private static final Pattern ROUTE = Pattern.compile("(/api/[^/]+/)(?:([^/.]+)/)?");

  private static final Response NOT_FOUND = new Response(404, "{\"detail\":\"Not found.\"}");
  private static final Response INVALID_PAGE = new Response(404, "{\"detail\":\"Invalid page.\"}");
  private static final Response NO_CONTENT = new Response(204, "");

  private final JobStore store;
  private final JobJson json = JobJson.create();
  private final Map<String, Resource> resources;

  /** Creates a fake that keeps its jobs and iterations in {@code store}. */
  public FakeJobsApi(JobStore store) {
    this.store = requireNonNull(store, "store");
    this.resources = Map.of("/api/jobs/", jobs(), "/api/job-iterations/", iterations());
  }

  /**
   * Answers one request, as described on the class.
   *
   * @param method the HTTP method, upper case ({@code GET}, {@code POST}, ...)
   * @param target the request's path and query string, as sent ({@code
   *     /api/jobs/?status=running&ordering=status%2C-best_score}), or its absolute URI: a list's
   *     {@code next} and {@code previous} links are this target with another {@code page}, so an
   *     absolute target gives absolute links, as the API gives
   * @param body the request body, empty when there is none (read as {@code {}}, as the API reads
   *     it); ignored by {@code GET} and {@code DELETE}
   * @return the API's answer; never throws for a request the API would answer
   * @throws IllegalArgumentException when {@code target} is not a URI (an HTTP stub never hands
   *     over such a target)
   */
  public Response handle(String method, String target, String body) {
    URI uri = URI.create(target);
    Matcher route = ROUTE.matcher(uri.getPath());
    Resource resource = route.matches() ? resources.get(route.group(1)) : null;
    if (resource == null) {
      return NOT_FOUND;
    }
    String id = route.group(2);
    // The API reads an empty body as no fields at all, not as malformed JSON.
    String document = body.isEmpty() ? "{}" : body;
    try {
      return id == null
          ? dispatch(resource.collection(), method, () -> uri, document)
          : dispatch(resource.item(), method, () -> itemId(id), document);
    } catch (ValidationException e) {
      return new Response(400, json.errorBody(e));
    } catch (MalformedJsonException e) {
      return new Response(400, json.errorBody(e));
    } catch (InvalidPageException e) {
      return INVALID_PAGE;
    } catch (NoSuchElementException e) {
      return NOT_FOUND; // JobNotFoundException, IterationNotFoundException, or an id not a UUID
    }
  }

  private Resource jobs() {
    return new Resource(
        Map.of(
            "GET",
            (uri, body) -> ok(json.writeJobList(store.list(json.readJobQuery(uri)), uri)),
            "POST",
            (uri, body) -> created(json.write(store.create(json.readJobCreateParams(body))))),
        Map.of(
            "GET", (id, body) -> ok(json.write(store.get(id))),
            "PATCH", (id, body) -> updateJob(id, () -> json.readJobPatch(body)),
            "PUT", (id, body) -> updateJob(id, () -> json.readJobReplacement(body)),
            "DELETE", (id, body) -> store.delete(id) ? NO_CONTENT : NOT_FOUND));
  }

  private Resource iterations() {
    return new Resource(
        Map.of(
            "GET",
            (uri, body) ->
                ok(
                    json.writeIterationList(
                        store.listIterations(json.readIterationQuery(uri)), uri)),
            "POST",
            (uri, body) ->
                created(json.write(store.createIteration(json.readIterationCreateParams(body))))),
        Map.of(
            "GET", (id, body) -> ok(json.write(store.getIteration(id))),
            "PATCH", (id, body) -> updateIteration(id, () -> json.readIterationPatch(body)),
            "PUT", (id, body) -> updateIteration(id, () -> json.readIterationReplacement(body)),
            "DELETE", (id, body) -> store.deleteIteration(id) ? NO_CONTENT : NOT_FOUND));
  }

  /**
   * Applies the change a body holds, read only once the job is found: the API looks an item up
   * before it reads the body, so an unknown job is a 404 even when the body is bad.
   */
  private Response updateJob(UUID id, Supplier<UnaryOperator<Job>> change) {
    store.get(id);
    return ok(json.write(store.update(id, change.get())));
  }

  /**
   * Applies the change a body holds, read only once the iteration is found, as {@link #updateJob}.
   */
  private Response updateIteration(UUID id, Supplier<UnaryOperator<Iteration>> change) {
    store.getIteration(id);
    return ok(json.write(store.updateIteration(id, change.get())));
  }

  /**
   * Answers with the handler of {@code method}, given the target it takes; 405 when there is none,
   * checked before the target is resolved, as the API checks the method before it looks an item up.
   */
  private static <T> Response dispatch(
      Map<String, Handler<T>> handlers, String method, Supplier<T> target, String body) {
    Handler<T> handler = handlers.get(method);
    if (handler == null) {
      return new Response(405, "{\"detail\":\"Method \\\"" + method + "\\\" not allowed.\"}");
    }
    return handler.answer(target.get(), body);
  }

  private static UUID itemId(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new NoSuchElementException(text);
    }
  }

  private static Response ok(String body) {
    return new Response(200, body);
  }

  private static Response created(String body) {
    return new Response(201, body);
  }

  /** One resource's routes: by method, the handlers of its collection and of one of its items. */
  private record Resource(Map<String, Handler<URI>> collection, Map<String, Handler<UUID>> item) {}

  /** Answers a request for a target (the request's URI, or an item's id) with its body. */
  @FunctionalInterface
  private interface Handler<T> {
    Response answer(T target, String body);
  }
}
