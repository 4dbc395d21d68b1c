package io.github.jobstore.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.JsonValue;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.JsonGenerators;
import io.github.jobstore.testkit.Property;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.Test;

/** The records jobs are stored as: every job, iteration and JSON value comes back exactly. */
class JobRecordsTest {

  @Test
  void everyJobComesBackExactlyWithItsBookkeeping() {
    Property.forAll(
        1_000,
        JobGenerators.validJobs(),
        job -> {
          List<StoredIteration> iterations = new ArrayList<>();
          for (Iteration iteration : job.iterations()) {
            iterations.add(new StoredIteration(iteration, 100 + iterations.size()));
          }
          Iteration moved = job.iterations().isEmpty() ? null : job.iterations().getFirst();
          StoredJob stored =
              new StoredJob(
                  job,
                  42,
                  7,
                  Lists.immutable.withAll(iterations),
                  moved == null ? Write.UPDATE : Write.MOVE_IN,
                  moved == null ? null : moved.id(),
                  moved);

          assertThat(JobRecords.read(JobRecords.write(stored))).isEqualTo(stored);
        });
  }

  @Test
  void everyJsonValueComesBackExactlyWithItsKeysInOrder() {
    Property.forAll(
        1_000,
        JsonGenerators.values(),
        value -> {
          JsonValue read = JsonRecords.read(JsonRecords.write(value));
          assertThat(read).isEqualTo(value);
          if (value instanceof JsonObject object) {
            assertThat(((JsonObject) read).keys()).isEqualTo(object.keys());
          }
        });
  }

  @Test
  void aValueNestedAsDeepAsAllowedComesBack() {
    Object nested = "bottom";
    for (int depth = 0; depth < JsonValue.MAX_DEPTH; depth++) {
      nested = depth % 2 == 0 ? Map.of("d", nested) : List.of(nested, depth);
    }
    JsonValue deepest = JsonValue.of(nested);

    assertThat(deepest.depth()).isEqualTo(JsonValue.MAX_DEPTH);
    assertThat(JsonRecords.read(JsonRecords.write(deepest))).isEqualTo(deepest);
  }

  @Test
  void createdMicrosIsTheFloorOfTheInstantInMicroseconds() {
    assertThat(JobRecords.micros(Instant.parse("2026-03-01T12:00:00.123456789Z")))
        .isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z").toEpochMilli() * 1_000 + 456);
    assertThat(JobRecords.micros(Instant.ofEpochSecond(-1, 999_999_999))).isEqualTo(-1);
    assertThat(JobRecords.micros(Instant.EPOCH)).isZero();
  }

  @Test
  void createdMicrosSaturatesWhereALongEnds() {
    long lastSecond = Long.MAX_VALUE / 1_000_000;
    long lastMicro = Long.MAX_VALUE % 1_000_000;
    Instant last = Instant.ofEpochSecond(lastSecond, lastMicro * 1_000);
    assertThat(JobRecords.micros(last)).isEqualTo(Long.MAX_VALUE);
    assertThat(JobRecords.micros(last.plusNanos(1_000))).isEqualTo(Long.MAX_VALUE);
    assertThat(JobRecords.micros(Instant.MAX)).isEqualTo(Long.MAX_VALUE);

    Instant first =
        Instant.ofEpochSecond(
            Math.floorDiv(Long.MIN_VALUE, 1_000_000),
            Math.floorMod(Long.MIN_VALUE, 1_000_000) * 1_000L);
    assertThat(JobRecords.micros(first)).isEqualTo(Long.MIN_VALUE);
    assertThat(JobRecords.micros(first.minusNanos(1_000))).isEqualTo(Long.MIN_VALUE);
    assertThat(JobRecords.micros(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aStoredJobKeepsItsIterationsByOrderThenCreation() {
    UUID jobId = UUID.randomUUID();
    Job job = Job.builder().id(jobId).createdAt(Instant.EPOCH).updatedAt(Instant.EPOCH).build();
    StoredJob stored = StoredJob.created(job, 1, Lists.immutable.empty(), Write.CREATE);
    Iteration second = iteration(jobId, 2);
    Iteration firstOfOne = iteration(jobId, 1);
    Iteration laterOfOne = iteration(jobId, 1);

    StoredJob filled =
        stored
            .with(new StoredIteration(second, 10), Write.APPEND, null)
            .with(new StoredIteration(laterOfOne, 12), Write.APPEND, null)
            .with(new StoredIteration(firstOfOne, 11), Write.APPEND, null);

    ImmutableList<Iteration> iterations = filled.job().iterations();
    assertThat(iterations).containsExactly(firstOfOne, laterOfOne, second);
    assertThat(filled.version()).isEqualTo(4);
    assertThat(filled.highestOrder()).isEqualTo(2);
    assertThat(filled.replaced(second.withOrder(0)).job().iterations())
        .containsExactly(second.withOrder(0), firstOfOne, laterOfOne);
    assertThat(filled.without(firstOfOne.id(), Write.DELETE_ITERATION).job().iterations())
        .containsExactly(laterOfOne, second);
  }

  private static Iteration iteration(UUID job, long order) {
    return Iteration.builder()
        .id(UUID.randomUUID())
        .createdAt(Instant.EPOCH)
        .job(job)
        .iterationName("i" + order)
        .order(order)
        .build();
  }
}
