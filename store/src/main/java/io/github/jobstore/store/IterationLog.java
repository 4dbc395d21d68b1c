package io.github.jobstore.store;

import io.github.jobstore.core.Iteration;
import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * A job's iterations, ordered by {@code order} then by creation sequence, in a buffer shared by the
 * job's successive versions. Each version holds an immutable view of the first {@code n} elements;
 * appending writes past every existing view, so it costs O(1) amortized and no view ever changes.
 * Every other change (inserting before the last iteration, removing or replacing one) copies the
 * buffer: O(iterations of the job). A map by id finds an iteration and its sequence in O(1).
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

  /** Every iteration in the log by id, with its creation sequence. */
  private final Map<UUID, Member> byId = new HashMap<>();

  /**
   * Adds {@code iteration}, created {@code sequence}-th in the store, after every iteration that
   * comes before it (smaller order, or the same order and an earlier sequence), and returns all.
   */
  ImmutableList<Iteration> insert(Iteration iteration, long sequence) {
    long order = orderOf(iteration);
    int at = size;
    while (at > 0 && comesAfter(buffer[at - 1], order, sequence)) {
      at--;
    }
    if (at == size && size < buffer.length) {
      buffer[size] = iteration;
    } else {
      Iteration[] grown = new Iteration[Math.max(FIRST_CAPACITY, size + (size >> 1) + 1)];
      System.arraycopy(buffer, 0, grown, 0, at);
      System.arraycopy(buffer, at, grown, at + 1, size - at);
      grown[at] = iteration;
      adopt(grown);
    }
    size++;
    byId.put(iteration.id(), new Member(iteration, sequence));
    return whole.subList(0, size);
  }

  /** Removes the iteration with {@code id}, which is in this log, and returns the rest. */
  ImmutableList<Iteration> remove(UUID id) {
    int at = indexOf(id);
    Iteration[] rest = new Iteration[Math.max(FIRST_CAPACITY, size)];
    System.arraycopy(buffer, 0, rest, 0, at);
    System.arraycopy(buffer, at + 1, rest, at, size - at - 1);
    adopt(rest);
    size--;
    byId.remove(id);
    return whole.subList(0, size);
  }

  /** Replaces the iteration of the same id, which is in this log, re-sorting it; returns all. */
  ImmutableList<Iteration> replace(Iteration iteration) {
    Member current = byId.get(iteration.id());
    if (current == null || !current.iteration().order().equals(iteration.order())) {
      long sequence = sequence(iteration.id());
      remove(iteration.id());
      return insert(iteration, sequence);
    }
    // Same place: one copy, since earlier views share the buffer.
    int at = indexOf(iteration.id());
    Iteration[] copy = Arrays.copyOf(buffer, Math.max(FIRST_CAPACITY, size));
    copy[at] = iteration;
    adopt(copy);
    byId.put(iteration.id(), new Member(iteration, current.sequence()));
    return whole.subList(0, size);
  }

  /** The iteration with {@code id}, or null when this log has none. */
  @Nullable Iteration find(UUID id) {
    Member member = byId.get(id);
    return member == null ? null : member.iteration();
  }

  /** The creation sequence of the iteration with {@code id}, which is in this log. */
  long sequence(UUID id) {
    return member(id).sequence();
  }

  /** The ids of every iteration in this log. */
  Set<UUID> ids() {
    return byId.keySet();
  }

  /** The highest order so far, or 0 when there are no iterations. */
  long highestOrder() {
    return size == 0 ? 0 : orderOf(buffer[size - 1]);
  }

  private boolean comesAfter(Iteration existing, long order, long sequence) {
    long existingOrder = orderOf(existing);
    return existingOrder > order || (existingOrder == order && sequence(existing.id()) > sequence);
  }

  private int indexOf(UUID id) {
    Member member = member(id);
    long order = orderOf(member.iteration());
    long sequence = member.sequence();
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      Iteration candidate = buffer[middle];
      int comparison = Long.compare(orderOf(candidate), order);
      if (comparison == 0) {
        comparison = Long.compare(sequence(candidate.id()), sequence);
      }
      if (comparison == 0) {
        return middle;
      } else if (comparison < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    throw new IllegalStateException("The log lost iteration " + id);
  }

  private Member member(UUID id) {
    Member member = byId.get(id);
    if (member == null) {
      throw new IllegalArgumentException("No iteration " + id + " in this log");
    }
    return member;
  }

  private void adopt(Iteration[] array) {
    buffer = array;
    whole = Lists.immutable.withAll(new Adopted(array));
  }

  private static long orderOf(Iteration iteration) {
    return iteration.order().orElseThrow();
  }

  /** An iteration of the log and its creation sequence, which breaks ties of order. */
  private record Member(Iteration iteration, long sequence) {}

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
