package io.github.jobstore.testkit.assertj;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * AssertJ assertions on an {@link Iteration}; start with {@link
 * JobStoreAssertions#assertThat(Iteration)}. Every assertion throws an {@link AssertionError} that
 * names the field and both values when it fails.
 */
public class IterationAssert extends AbstractObjectAssert<IterationAssert, Iteration> {

  /**
   * Creates assertions on {@code actual}; prefer {@link JobStoreAssertions#assertThat(Iteration)}.
   */
  public IterationAssert(Iteration actual) {
    super(actual, IterationAssert.class);
  }

  /** Verifies the iteration's {@code iteration_name}. */
  public IterationAssert hasName(String expected) {
    return hasField("iteration_name", Iteration::iterationName, expected);
  }

  /** Verifies the iteration's {@code order}. */
  public IterationAssert hasOrder(long expected) {
    return hasField("order", Iteration::order, Optional.of(expected));
  }

  /** Verifies the job the iteration belongs to. */
  public IterationAssert belongsTo(UUID job) {
    return hasField("job", iteration -> iteration.job(), job);
  }

  /** Verifies the iteration's {@code avg_score}. */
  public IterationAssert hasAvgScore(double expected) {
    return hasField("avg_score", Iteration::avgScore, Optional.of(expected));
  }

  /** Verifies that the iteration's candidate was kept. */
  public IterationAssert isKept() {
    return hasField("status", Iteration::status, Optional.of(IterationStatus.KEEP));
  }

  /** Verifies that the iteration's candidate was discarded. */
  public IterationAssert isDiscarded() {
    return hasField("status", Iteration::status, Optional.of(IterationStatus.DISCARD));
  }

  private <V> IterationAssert hasField(String field, Function<Iteration, V> accessor, V expected) {
    isNotNull();
    V value = accessor.apply(actual);
    if (!Objects.equals(value, expected)) {
      failWithMessage("Expected iteration's %s to be <%s> but was <%s>", field, expected, value);
    }
    return this;
  }
}
