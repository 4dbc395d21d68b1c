package io.github.jobstore.store;

import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The union of a few {@link SlotIndex} sets, such as one project's jobs of each status, walked as
 * one: each step takes the newest slot at the head of any set. A job moving between two of the sets
 * is briefly in both, at the same place in the order, so a slot at the head of several is visited
 * once. A walk from offset {@code k} steps over {@code k} slots first: O(k + page) per set.
 */
final class MergedSlots implements Slots {

  private final SlotIndex[] sets;

  MergedSlots(SlotIndex[] sets) {
    this.sets = sets;
  }

  /** The sum of the sets' sizes; a job between two of them counts twice for that moment. */
  @Override
  public int size() {
    int size = 0;
    for (SlotIndex set : sets) {
      size += set.size();
    }
    return size;
  }

  @Override
  public void forEach(long offset, Predicate<Slot> visitor) {
    // A project's jobs often have one or two statuses: merge only the sets that hold any. A set
    // empty now holds no slot that stays through the walk.
    SlotIndex[] walked = new SlotIndex[sets.length];
    int count = 0;
    for (SlotIndex set : sets) {
      if (set.size() > 0) {
        walked[count++] = set;
      }
    }
    if (count == 1) {
      walked[0].forEach(offset, visitor);
      return;
    }
    SlotIndex.Cursor[] cursors = new SlotIndex.Cursor[count];
    for (int i = 0; i < count; i++) {
      cursors[i] = new SlotIndex.Cursor(walked[i], 0);
    }
    long skipped = 0;
    for (Slot slot = newest(cursors); slot != null; slot = newest(cursors)) {
      for (SlotIndex.Cursor cursor : cursors) {
        if (cursor.peek() == slot) {
          cursor.next();
        }
      }
      if (skipped < offset) {
        skipped++;
      } else if (!visitor.test(slot)) {
        return;
      }
    }
  }

  private static @Nullable Slot newest(SlotIndex.Cursor[] cursors) {
    Slot newest = null;
    for (SlotIndex.Cursor cursor : cursors) {
      Slot head = cursor.peek();
      if (head != null && (newest == null || head.isNewerThan(newest))) {
        newest = head;
      }
    }
    return newest;
  }
}
