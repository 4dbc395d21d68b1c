package io.github.jobstore.store;

import io.github.jobstore.core.Iteration;
import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Iterator;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * A job's iterations, ordered by {@code order} then by append, in a buffer shared by the job's
 * successive versions. Each version holds an immutable view of the first {@code n} elements;
 * appending writes past every existing view, so it costs O(1) amortized and no view ever changes.
 * Inserting before the last iteration (an explicit, smaller {@code order}) copies the buffer.
 *
 * <p>Not thread-safe: the job's {@link Slot} monitor guards it. Readers of a view need no lock,
 * since the view reaches them through the volatile publication of the job that holds it, after the
 * elements it covers were written.
 *
 * <p>The views are Eclipse Collections lists over the buffer itself: {@code
 * Lists.immutable.withAll} adopts the array a non-list collection's {@code toArray()} returns, and
 * {@code subList} is a view. {@code IterationLogTest} checks that this sharing holds.
 */
final class IterationLog {

  private static final int FIRST_CAPACITY = 4;

  private Iteration[] buffer = new Iteration[0];
  private ImmutableList<Iteration> whole = Lists.immutable.empty();
  private int size;

  /** Adds {@code iteration} after every iteration whose order is not greater, and returns all. */
  ImmutableList<Iteration> insert(Iteration iteration) {
    long order = orderOf(iteration);
    int at = size;
    while (at > 0 && orderOf(buffer[at - 1]) > order) {
      at--;
    }
    if (at == size && size < buffer.length) {
      buffer[size] = iteration;
    } else {
      Iteration[] grown = new Iteration[Math.max(FIRST_CAPACITY, size + (size >> 1) + 1)];
      System.arraycopy(buffer, 0, grown, 0, at);
      System.arraycopy(buffer, at, grown, at + 1, size - at);
      grown[at] = iteration;
      buffer = grown;
      whole = Lists.immutable.withAll(new Adopted(grown));
    }
    size++;
    return whole.subList(0, size);
  }

  /** The highest order so far, or 0 when there are no iterations. */
  long highestOrder() {
    return size == 0 ? 0 : orderOf(buffer[size - 1]);
  }

  private static long orderOf(Iteration iteration) {
    return iteration.order().orElseThrow();
  }

  /** Hands its array itself to whoever asks for {@code toArray()}, so a list can adopt it. */
  static final class Adopted extends AbstractCollection<Iteration> {

    private final Iteration[] array;

    Adopted(Iteration[] array) {
      this.array = array;
    }

    @Override
    public Object[] toArray() {
      return array;
    }

    @Override
    public Iterator<Iteration> iterator() {
      return Arrays.asList(array).iterator();
    }

    @Override
    public int size() {
      return array.length;
    }
  }
}
