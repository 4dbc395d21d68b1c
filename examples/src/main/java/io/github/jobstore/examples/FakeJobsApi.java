package io.github.jobstore.examples;

import io.github.jobstore.core.ValidationException;
import io.github.jobstore.json.JobJson;
import io.github.jobstore.json.MalformedJsonException;
import io.github.jobstore.store.JobNotFoundException;
import io.github.jobstore.store.JobStore;
import java.util.UUID;

/**
 * A fake of the jobs API's job endpoints, for tests of code that speaks HTTP to it: plug {@link
 * #handle} into whatever HTTP stub your tests use. Bodies are read and written with {@link
 * JobJson}, jobs kept in a {@link JobStore}, and errors answered as the API answers them.
 */
public final class FakeJobsApi {

  /** A status code and a JSON body. */
  public record Response(int status, String body) {}

  private final JobStore store;
  private final JobJson json = JobJson.create();

  /** Creates a fake that keeps its jobs in {@code store}. */
  public FakeJobsApi(JobStore store) {
    this.store = store;
  }

  /**
   * Answers one request: {@code POST /api/jobs/}, {@code GET} and {@code PATCH /api/jobs/{id}/};
   * anything else is a 404.
   */
  public Response handle(String method, String path, String body) {
    try {
      if (method.equals("POST") && path.equals("/api/jobs/")) {
        return new Response(201, json.write(store.create(json.readJobCreateParams(body))));
      }
      UUID id = jobId(path);
      return switch (method) {
        case "GET" -> new Response(200, json.write(store.get(id)));
        case "PATCH" -> new Response(200, json.write(store.update(id, json.readJobPatch(body))));
        default -> notFound();
      };
    } catch (ValidationException e) {
      return new Response(400, json.errorBody(e));
    } catch (MalformedJsonException e) {
      return new Response(400, json.errorBody(e));
    } catch (JobNotFoundException | IllegalArgumentException e) {
      return notFound();
    }
  }

  private static UUID jobId(String path) {
    if (!path.startsWith("/api/jobs/") || !path.endsWith("/")) {
      throw new IllegalArgumentException(path);
    }
    return UUID.fromString(path.substring("/api/jobs/".length(), path.length() - 1));
  }

  private static Response notFound() {
    return new Response(404, "{\"detail\":\"Not found.\"}");
  }
}
