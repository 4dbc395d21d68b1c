package io.github.jobstore.store;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.StampedLock;

/**
 * Reaches into an {@link InMemoryJobStore}'s private state, so that a test can hold a lock the
 * store takes and stop a writer at an exact point of its write. Only for tests that must control an
 * interleaving deterministically; everything else goes through the API.
 */
final class Internals {

  private Internals() {}

  /** The slot of job {@code id} in {@code store}. */
  static Slot slot(InMemoryJobStore store, UUID id) {
    Map<?, ?> jobs = (Map<?, ?>) read(store, "jobs");
    Slot slot = (Slot) jobs.get(id);
    if (slot == null) {
      throw new AssertionError("no slot for job " + id);
    }
    return slot;
  }

  /** The set {@code store} reads {@code query}'s matches from (one index, never a union). */
  static SlotIndex index(InMemoryJobStore store, JobQuery query) {
    JobIndexes indexes = (JobIndexes) read(store, "indexes");
    return (SlotIndex) indexes.source(query);
  }

  /** The write lock every writer of {@code index} takes. */
  static StampedLock lock(SlotIndex index) {
    return (StampedLock) read(index, "lock");
  }

  private static Object read(Object owner, String name) {
    try {
      Field field = owner.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(owner);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot read " + owner.getClass().getSimpleName() + "." + name, e);
    }
  }
}
