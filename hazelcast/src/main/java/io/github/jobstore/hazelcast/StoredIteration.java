package io.github.jobstore.hazelcast;

import io.github.jobstore.core.Iteration;
import java.util.Comparator;

/**
 * An iteration as its job's record holds it: with its creation sequence, which breaks ties of
 * {@code order} and stays with the iteration when it moves to another job.
 */
record StoredIteration(Iteration iteration, long sequence) {

  /** A job's own order: {@code order}, then creation. */
  static final Comparator<StoredIteration> BY_ORDER =
      Comparator.<StoredIteration>comparingLong(stored -> stored.iteration().order().orElseThrow())
          .thenComparingLong(StoredIteration::sequence);
}
