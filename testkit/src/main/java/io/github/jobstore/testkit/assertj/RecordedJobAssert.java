package io.github.jobstore.testkit.assertj;

import static io.github.jobstore.testkit.assertj.JobStoreRecorderAssert.checkCount;
import static io.github.jobstore.testkit.assertj.JobStoreRecorderAssert.checkTimeout;
import static java.util.Objects.requireNonNull;

import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.assertj.Awaiting.Outcome;
import io.github.jobstore.testkit.assertj.Awaiting.Snapshot;
import io.github.jobstore.testkit.assertj.Awaiting.Verdict;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on the recorded events of one job; start with {@link
 * JobStoreRecorderAssert#job}. Each assertion waits for what it expects, and fails at once when the
 * recorded events can no longer match, as {@link JobStoreRecorderAssert} explains; every failure
 * shows the job's recorded events.
 */
public final class RecordedJobAssert extends AbstractAssert<RecordedJobAssert, JobStoreRecorder> {

  private final UUID jobId;
  private final @Nullable JobStoreSoftAssertions softly;
  private Duration timeout;

  RecordedJobAssert(
      JobStoreRecorder actual,
      UUID jobId,
      Duration timeout,
      @Nullable JobStoreSoftAssertions softly) {
    super(actual, RecordedJobAssert.class);
    this.jobId = jobId;
    this.timeout = timeout;
    this.softly = softly;
  }

  /**
   * Makes the assertions that follow wait at most {@code timeout} for what they expect. {@link
   * Duration#ZERO} checks once, without waiting.
   *
   * @throws NullPointerException when {@code timeout} is null
   * @throws IllegalArgumentException when {@code timeout} is negative
   */
  public RecordedJobAssert within(Duration timeout) {
    this.timeout = checkTimeout(timeout);
    return this;
  }

  /**
   * Verifies that the statuses the job went through, as {@link JobStoreRecorder#statuses} reads
   * them, are exactly {@code statuses}, in order. Waits while the recorded ones are the start of
   * {@code statuses}; fails at once otherwise. No statuses expects no recorded create or update.
   *
   * @throws NullPointerException when {@code statuses} or one of them is null
   */
  public RecordedJobAssert wentThrough(JobStatus... statuses) {
    requireNonNull(statuses, "statuses");
    for (int i = 0; i < statuses.length; i++) {
      requireNonNull(statuses[i], "statuses[" + i + "]");
    }
    List<JobStatus> expected = List.of(statuses);
    return verify(
        recorder -> new Snapshot<>(recorder.statuses(jobId).castToList(), recorder.events(jobId)),
        recorded -> Verdict.ofPath(recorded, expected),
        "job " + jobId + " to go through " + Arrays.toString(statuses),
        recorded -> "it went through " + recorded);
  }

  /** Verifies that a {@link JobDeleted} of the job was recorded; waits until one is. */
  public RecordedJobAssert wasDeleted() {
    return verify(
        recorder -> {
          ImmutableList<JobEvent> events = recorder.events(jobId);
          return new Snapshot<>(events.anySatisfy(JobDeleted.class::isInstance), events);
        },
        deleted -> deleted ? Verdict.MATCHES : Verdict.NOT_YET,
        "job " + jobId + " to be deleted",
        deleted -> "it was not");
  }

  /**
   * Verifies that exactly {@code count} events of the job were recorded. Waits while fewer were;
   * fails at once when more were.
   *
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public RecordedJobAssert hasEvents(int count) {
    checkCount(count);
    return verify(
        recorder -> {
          ImmutableList<JobEvent> events = recorder.events(jobId);
          return new Snapshot<>(events.size(), events);
        },
        recorded -> Verdict.ofCount(recorded, count),
        "the number of events of job " + jobId + " to be " + count,
        recorded -> "it was " + recorded);
  }

  private <V> RecordedJobAssert verify(
      Function<? super JobStoreRecorder, Snapshot<V>> read,
      Function<? super V, Verdict> judge,
      String expected,
      Function<? super V, String> recorded) {
    // Not isNotNull(): in soft mode this object is no proxy, so a failure must go through report.
    if (actual == null) {
      return report(failure("Expected a JobStoreRecorder but it was null"));
    }
    Outcome<V> outcome = Awaiting.await(actual, timeout, read, judge);
    if (outcome.verdict() != Verdict.MATCHES) {
      String found = recorded.apply(outcome.last().value());
      return report(failure(outcome.message(expected, found, "Recorded events of the job")));
    }
    return this;
  }

  private RecordedJobAssert report(AssertionError failure) {
    if (softly == null) {
      throw failure;
    }
    softly.collectAssertionError(failure);
    return this;
  }
}
