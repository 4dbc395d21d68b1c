package io.github.jobstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.store.InMemoryJobStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Testing HTTP-speaking code against the fake API, as a user would. */
class FakeJobsApiTest {

  private final FakeJobsApi api =
      new FakeJobsApi(
          InMemoryJobStore.builder()
              .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456789Z"), ZoneOffset.UTC))
              .idGenerator(new SequentialIds())
              .build());

  @Test
  void createAnswers201WithTheStoredJob() {
    FakeJobsApi.Response created =
        api.handle("POST", "/api/jobs/", "{\"status\": \"running\", \"num_iterations\": 5}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body())
        .contains("\"id\":\"00000000-0000-4000-8000-000000000001\"")
        .contains("\"created_at\":\"2026-01-02T03:04:05.123456Z\"")
        .contains("\"status\":\"running\"")
        .contains("\"num_iterations\":5")
        .contains("\"project\":null");
  }

  @Test
  void anInvalidBodyAnswers400WithEveryViolation() {
    FakeJobsApi.Response rejected =
        api.handle("POST", "/api/jobs/", "{\"data_source\": \"\", \"agent\": \"1-1-1-1-1\"}");

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.body())
        .isEqualTo(
            "{\"agent\":[\"Must be a valid UUID.\"],"
                + "\"data_source\":[\"This field may not be blank.\"]}");
  }

  @Test
  void patchChangesOnlyTheFieldsItNames() {
    api.handle("POST", "/api/jobs/", "{\"status\": \"running\", \"analyzer_model\": \"m\"}");

    FakeJobsApi.Response patched =
        api.handle(
            "PATCH",
            "/api/jobs/00000000-0000-4000-8000-000000000001/",
            "{\"status\": \"completed\", \"best_score\": 0.9}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body())
        .contains("\"status\":\"completed\"")
        .contains("\"best_score\":0.9")
        .contains("\"analyzer_model\":\"m\"");
  }

  @Test
  void anUnknownJobAnswers404AndMalformedJsonAnswers400() {
    assertThat(api.handle("GET", "/api/jobs/00000000-0000-4000-8000-000000000009/", "").status())
        .isEqualTo(404);
    FakeJobsApi.Response malformed = api.handle("POST", "/api/jobs/", "{\"status\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).startsWith("{\"detail\":\"JSON parse error - ");
  }
}
