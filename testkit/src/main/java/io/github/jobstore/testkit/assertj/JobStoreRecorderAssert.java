package io.github.jobstore.testkit.assertj;

import static java.util.Objects.requireNonNull;

import io.github.jobstore.store.JobEvent;
import io.github.jobstore.testkit.JobStoreRecorder;
import io.github.jobstore.testkit.assertj.Awaiting.Outcome;
import io.github.jobstore.testkit.assertj.Awaiting.Snapshot;
import io.github.jobstore.testkit.assertj.Awaiting.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on what a {@link JobStoreRecorder} recorded; start with {@link
 * JobStoreAssertions#assertThat(JobStoreRecorder)}:
 *
 * <pre>{@code
 * assertThat(recorder).job(id).wentThrough(PENDING, RUNNING, COMPLETED);
 * assertThat(recorder).hasEvents(IterationCreated.class, 3).hasWrites(5);
 * }</pre>
 *
 * <h2>Waiting</h2>
 *
 * <p>A store may deliver an event after the write has returned, so every assertion here but {@link
 * #eventsOf} waits for what it expects, up to a timeout: 5 seconds, or what {@link #within} set. It
 * passes as soon as the recorded events match, and fails:
 *
 * <ul>
 *   <li>at once when they can no longer match: recorded events only grow, so more events than
 *       expected, or a status path that is not the start of the expected one, never will;
 *   <li>when the timeout passes first, with a message that names the timeout;
 *   <li>when the waiting thread is interrupted, at once, with its interrupt status set again.
 * </ul>
 *
 * <p>An assertion passes on the first recorded state that matches, so it does not see an event that
 * arrives later: {@code hasWrites(3)} checks that three writes were recorded, not that no fourth is
 * on its way. To check that nothing more happened up to some point, first wait for an event written
 * after that point (one job's events arrive in the order of its writes). Every failure message
 * shows the recorded events it judged, one line each.
 *
 * <p>Like any AssertJ assertion object, not thread-safe: use it on the thread that made it.
 */
public class JobStoreRecorderAssert
    extends AbstractAssert<JobStoreRecorderAssert, JobStoreRecorder> {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private Duration timeout = DEFAULT_TIMEOUT;
  private @Nullable JobStoreSoftAssertions softly;

  /**
   * Creates assertions on {@code actual}; prefer {@link
   * JobStoreAssertions#assertThat(JobStoreRecorder)}.
   */
  public JobStoreRecorderAssert(JobStoreRecorder actual) {
    super(actual, JobStoreRecorderAssert.class);
  }

  /**
   * Makes the assertions that follow, and those of the {@link #job} assertions made after this,
   * wait at most {@code timeout} for what they expect. {@link Duration#ZERO} checks once, without
   * waiting.
   *
   * @throws NullPointerException when {@code timeout} is null
   * @throws IllegalArgumentException when {@code timeout} is negative
   */
  public JobStoreRecorderAssert within(Duration timeout) {
    this.timeout = checkTimeout(timeout);
    return this;
  }

  /**
   * Starts assertions on the recorded events of the job {@code id} ({@link JobEvent#jobId()}), with
   * this object's timeout and description.
   *
   * @throws NullPointerException when {@code id} is null
   */
  public RecordedJobAssert job(UUID id) {
    RecordedJobAssert job =
        new RecordedJobAssert(actual, requireNonNull(id, "id"), timeout, softly);
    return info.hasDescription() ? job.describedAs(info.description()) : job;
  }

  /**
   * Verifies that exactly {@code count} events were recorded: one per write that took effect. Waits
   * while fewer were; fails at once when more were.
   *
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public JobStoreRecorderAssert hasWrites(int count) {
    checkCount(count);
    return verify(
        recorder -> {
          ImmutableList<JobEvent> events = recorder.events();
          return new Snapshot<>(events.size(), events);
        },
        recorded -> Verdict.ofCount(recorded, count),
        "the number of writes to be " + count,
        recorded -> "it was " + recorded);
  }

  /**
   * Verifies that exactly {@code count} events of kind {@code kind} were recorded, e.g. {@code
   * hasEvents(JobDeleted.class, 1)}. Waits while fewer were; fails at once when more were.
   *
   * @throws NullPointerException when {@code kind} is null
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public JobStoreRecorderAssert hasEvents(Class<? extends JobEvent> kind, int count) {
    requireNonNull(kind, "kind");
    checkCount(count);
    return verify(
        recorder -> new Snapshot<>(recorder.events(kind).size(), recorder.events()),
        recorded -> Verdict.ofCount(recorded, count),
        "the number of " + kind.getSimpleName() + " events to be " + count,
        recorded -> "it was " + recorded);
  }

  /**
   * Starts AssertJ list assertions on the events of kind {@code kind} recorded so far, in the order
   * they arrived, for checks the other methods do not cover. Unlike them it does not wait: an event
   * still on its way is not in the list, so first wait with one of them (e.g. {@link #hasEvents}).
   *
   * @throws NullPointerException when {@code kind} is null
   */
  public <E extends JobEvent> ListAssert<E> eventsOf(Class<E> kind) {
    requireNonNull(kind, "kind");
    // A null recorder gives list assertions on null, which fail as AssertJ's do, softly or not.
    @Nullable List<E> events = actual == null ? null : actual.events(kind).castToList();
    ListAssert<E> list = softly == null ? Assertions.assertThat(events) : softly.assertThat(events);
    return info.hasDescription() ? list.describedAs(info.description()) : list;
  }

  /** Makes {@link #job} and {@link #eventsOf} collect their failures into {@code softly}. */
  final JobStoreRecorderAssert collectingInto(JobStoreSoftAssertions softly) {
    // Final, so that the soft-assertion proxy does not intercept it; its field is this object's.
    this.softly = softly;
    return this;
  }

  private <V> JobStoreRecorderAssert verify(
      Function<? super JobStoreRecorder, Snapshot<V>> read,
      Function<? super V, Verdict> judge,
      String expected,
      Function<? super V, String> recorded) {
    isNotNull();
    Outcome<V> outcome = Awaiting.await(actual, timeout, read, judge);
    if (outcome.verdict() != Verdict.MATCHES) {
      String found = recorded.apply(outcome.last().value());
      throw failure(outcome.message(expected, found, "Recorded events"));
    }
    return this;
  }

  static Duration checkTimeout(Duration timeout) {
    if (requireNonNull(timeout, "timeout").isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    return timeout;
  }

  static void checkCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
  }
}
