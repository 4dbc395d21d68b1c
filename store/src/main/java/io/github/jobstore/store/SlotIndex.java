package io.github.jobstore.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A set of slots in the store's default order ({@link Slot#NEWEST_FIRST}) that counts itself and
 * reaches any position without walking to it: one secondary index of an {@link InMemoryJobStore}.
 *
 * <h2>Layout</h2>
 *
 * <p>The slots lie in chunks of at most {@value #CHUNK}, oldest first, so a job created after every
 * other (nearly every create) is appended to the last chunk: O(1) amortized and about four bytes
 * per slot, where a skip list allocates a node and on average a third of an index node per entry. A
 * slot that lands in the middle (a job that changes status keeps its creation time) is placed by
 * binary search over the chunks and then in its chunk, O(log n + {@value #CHUNK}); a full chunk
 * splits in two. A removal shifts its chunk's tail; a chunk left with a quarter of {@value #CHUNK}
 * or fewer merges with a neighbour when the two fit in half a chunk, so no two neighbours both hold
 * so few, and chunks average more than an eighth of {@value #CHUNK} slots. A position is reached by
 * summing chunk sizes from the nearer end, O(n / {@value #CHUNK}).
 *
 * <h2>Concurrency</h2>
 *
 * <p>Writers hold the set's write lock (a {@link StampedLock}); none calls out while holding it, so
 * a set never takes part in a deadlock: writers hold their job's monitor and then this lock,
 * readers only this lock. Readers copy one batch of at most {@value #BATCH} slots at a time,
 * optimistically without locking, and keep the copy only if no writer took the lock meanwhile, else
 * copy again under the read lock; a copy of a half-written state (which may even throw) is
 * discarded, never returned. They visit the batch with no lock held ({@link #forEach}); the next
 * batch resumes after the last slot visited, by key and not by position, so a walk visits each slot
 * at most once, in order, and visits every slot that stays in the set throughout.
 */
final class SlotIndex implements Slots {

  /** The most slots a chunk holds. */
  static final int CHUNK = 256;

  /** The most slots a reader copies out at once. */
  static final int BATCH = 64;

  private static final Slot[][] NO_CHUNKS = {};
  private static final Slot[] NO_SLOTS = {};
  private static final int[] NO_COUNTS = {};
  private static final VarHandle SIZE;

  static {
    try {
      SIZE = MethodHandles.lookup().findVarHandle(SlotIndex.class, "size", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The first {@code chunkCount} are in use, in order, each sorted oldest first. */
  /**
   * Writers take the write lock; readers read optimistically and validate, else take a read lock.
   */
  private final StampedLock lock = new StampedLock();

  private Slot[][] chunks = NO_CHUNKS;

  /** The number of slots in each chunk in use. */
  private int[] counts = NO_COUNTS;

  private int chunkCount;

  /**
   * Written under the write lock with release semantics, so that {@link #size()} reads it without
   * any lock: a merge can skip an empty set, and a count costs no lock.
   */
  private int size;

  /**
   * The newest slot's keys, while the set is not empty: an append compares with them rather than
   * reading that slot, which is, in a set of one project among many, likely out of the CPU's
   * caches.
   */
  private long newestMicros;

  private long newestSequence;

  @Override
  public int size() {
    return (int) SIZE.getAcquire(this);
  }

  /** How many slots each chunk holds, oldest chunk first; for tests. */
  int[] chunkSizes() {
    long stamp = lock.readLock();
    try {
      return Arrays.copyOf(counts, chunkCount);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Adds {@code slot}, which the set must not hold. */
  void add(Slot slot) {
    long stamp = lock.writeLock();
    try {
      addLocked(slot);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Removes {@code slot}; returns false when the set did not hold it. */
  boolean remove(Slot slot) {
    long stamp = lock.writeLock();
    try {
      return removeLocked(slot);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  private void addLocked(Slot slot) {
    if (size == 0 || slot.isNewerThan(newestMicros, newestSequence)) {
      if (size == 0) {
        insertChunk(0, new Slot[4]);
      }
      insert(chunkCount - 1, counts[chunkCount - 1], slot);
      newestMicros = slot.createdMicros;
      newestSequence = slot.sequence;
    } else {
      long at = locate(slot);
      insert((int) (at >>> 32), (int) at, slot);
    }
    SIZE.setRelease(this, size + 1);
  }

  private boolean removeLocked(Slot slot) {
    long at = locate(slot);
    int c = (int) (at >>> 32);
    int i = (int) at;
    if (c == chunkCount || chunks[c][i] != slot) {
      return false;
    }
    Slot[] chunk = chunks[c];
    int count = --counts[c];
    System.arraycopy(chunk, i + 1, chunk, i, count - i);
    chunk[count] = null;
    SIZE.setRelease(this, size - 1);
    boolean wasNewest = c == chunkCount - 1 && i == count;
    if (count == 0) {
      removeChunk(c);
    } else if (count <= CHUNK / 4) {
      if (c + 1 < chunkCount && count + counts[c + 1] <= CHUNK / 2) {
        merge(c);
      } else if (c > 0 && count + counts[c - 1] <= CHUNK / 2) {
        merge(c - 1);
      }
    }
    if (wasNewest && size > 0) {
      Slot newest = chunks[chunkCount - 1][counts[chunkCount - 1] - 1];
      newestMicros = newest.createdMicros;
      newestSequence = newest.sequence;
    }
    return true;
  }

  @Override
  public void forEach(long offset, Predicate<Slot> visitor) {
    Cursor cursor = new Cursor(this, offset);
    for (Slot slot = cursor.peek(); slot != null; slot = cursor.next()) {
      if (!visitor.test(slot)) {
        return;
      }
    }
  }

  /**
   * A walk of one set, newest first, that copies {@value #BATCH} slots at a time and resumes after
   * the last one it copied.
   */
  static final class Cursor {
    private final SlotIndex index;
    private final Slot[] batch;
    private int copied;
    private int at;

    /** Starts at newest-first position {@code offset} of {@code index}. */
    Cursor(SlotIndex index, long offset) {
      this.index = index;
      this.batch = index.firstBatch(offset);
      this.copied = batch.length;
    }

    /** The slot the cursor is at, or null when the walk is over. */
    @Nullable Slot peek() {
      if (at == copied) {
        // A batch shorter than BATCH held every slot left when it was copied.
        if (copied < BATCH) {
          return null;
        }
        copied = index.copyOlderThan(batch[BATCH - 1], batch);
        at = 0;
        if (copied == 0) {
          return null;
        }
      }
      return batch[at];
    }

    /** Moves past the current slot and returns the next, or null when the walk is over. */
    @Nullable Slot next() {
      at++;
      return peek();
    }
  }

  /**
   * Returns the slots from newest-first position {@code offset} on, at most {@value #BATCH}, in a
   * new array of their number: one copy for a small set's whole walk.
   */
  private Slot[] firstBatch(long offset) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      try {
        Slot[] out = copyFirst(offset);
        if (lock.validate(stamp)) {
          return out;
        }
      } catch (RuntimeException torn) {
        // A writer changed the set during the copy; copy again under the read lock.
      }
    }
    stamp = lock.readLock();
    try {
      return copyFirst(offset);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** The first batch; the caller holds a read stamp, perhaps an optimistic one. */
  private Slot[] copyFirst(long offset) {
    int size = this.size;
    if (offset >= size) {
      return NO_SLOTS;
    }
    Slot[] out = new Slot[(int) Math.min(BATCH, size - offset)];
    // The storage index (oldest first) of the first slot to copy, then its chunk.
    int index = (int) (size - 1 - offset);
    int c;
    if (index < size / 2) {
      c = 0;
      while (index >= counts[c]) {
        index -= counts[c++];
      }
    } else {
      c = chunkCount - 1;
      int start = size - counts[c];
      while (index < start) {
        start -= counts[--c];
      }
      index -= start;
    }
    copyDown(c, index, out);
    return out;
  }

  /** Copies the slots older than {@code key}, newest first, into {@code out}. */
  private int copyOlderThan(Slot key, Slot[] out) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      try {
        int copied = copyOlderThanLocked(key, out);
        if (lock.validate(stamp)) {
          return copied;
        }
      } catch (RuntimeException torn) {
        // As in firstBatch.
      }
    }
    stamp = lock.readLock();
    try {
      return copyOlderThanLocked(key, out);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** As {@link #copyOlderThan}; the caller holds a read stamp, perhaps an optimistic one. */
  private int copyOlderThanLocked(Slot key, Slot[] out) {
    long at = locate(key);
    int c = (int) (at >>> 32);
    int i = (int) at - 1;
    while (i < 0 && c > 0) {
      i = counts[--c] - 1;
    }
    return i < 0 ? 0 : copyDown(c, i, out);
  }

  /** Copies from position {@code i} of chunk {@code c} toward the oldest slot. */
  private int copyDown(int c, int i, Slot[] out) {
    int copied = 0;
    while (copied < out.length) {
      out[copied++] = chunks[c][i--];
      if (i < 0) {
        if (c == 0) {
          break;
        }
        i = counts[--c] - 1;
      }
    }
    return copied;
  }

  /**
   * Where {@code slot} is or would go: its chunk in the high half, its index in the low half; the
   * first slot that is not older than {@code slot}, or {@code chunkCount} when every slot is.
   */
  private long locate(Slot slot) {
    int low = 0;
    int high = chunkCount;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (slot.isNewerThan(chunks[mid][counts[mid] - 1])) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    if (low == chunkCount) {
      return (long) low << 32;
    }
    Slot[] chunk = chunks[low];
    int from = 0;
    int to = counts[low] - 1;
    while (from < to) {
      int mid = (from + to) >>> 1;
      if (slot.isNewerThan(chunk[mid])) {
        from = mid + 1;
      } else {
        to = mid;
      }
    }
    return (long) low << 32 | from;
  }

  /** Puts {@code slot} at index {@code i} of chunk {@code c}, growing or splitting the chunk. */
  private void insert(int c, int i, Slot slot) {
    Slot[] chunk = chunks[c];
    int count = counts[c];
    if (count == chunk.length) {
      if (chunk.length < CHUNK) {
        chunk = chunks[c] = Arrays.copyOf(chunk, Math.min(CHUNK, chunk.length * 2));
      } else if (i == count && c == chunkCount - 1) {
        // Appending past a full last chunk: start a new one and leave this one full.
        insertChunk(c + 1, new Slot[CHUNK]);
        chunks[c + 1][0] = slot;
        counts[c + 1] = 1;
        return;
      } else {
        int half = count / 2;
        Slot[] upper = new Slot[CHUNK];
        System.arraycopy(chunk, half, upper, 0, count - half);
        Arrays.fill(chunk, half, count, null);
        counts[c] = half;
        insertChunk(c + 1, upper);
        counts[c + 1] = count - half;
        if (i > half) {
          c++;
          i -= half;
          chunk = upper;
        }
        count = counts[c];
      }
    }
    System.arraycopy(chunk, i, chunk, i + 1, count - i);
    chunk[i] = slot;
    counts[c] = count + 1;
  }

  /**
   * Moves chunk {@code c + 1}'s slots to the end of chunk {@code c} and drops it. Only a set's sole
   * chunk is ever smaller than {@value #CHUNK}, so chunk {@code c} has room.
   */
  private void merge(int c) {
    int count = counts[c];
    int moved = counts[c + 1];
    System.arraycopy(chunks[c + 1], 0, chunks[c], count, moved);
    counts[c] = count + moved;
    removeChunk(c + 1);
  }

  private void insertChunk(int c, Slot[] chunk) {
    if (chunkCount == chunks.length) {
      int capacity = Math.max(4, chunkCount * 2);
      chunks = Arrays.copyOf(chunks, capacity);
      counts = Arrays.copyOf(counts, capacity);
    }
    System.arraycopy(chunks, c, chunks, c + 1, chunkCount - c);
    System.arraycopy(counts, c, counts, c + 1, chunkCount - c);
    chunks[c] = chunk;
    counts[c] = 0;
    chunkCount++;
  }

  private void removeChunk(int c) {
    chunkCount--;
    System.arraycopy(chunks, c + 1, chunks, c, chunkCount - c);
    System.arraycopy(counts, c + 1, counts, c, chunkCount - c);
    chunks[chunkCount] = null;
    counts[chunkCount] = 0;
  }
}
