package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.testkit.Property;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link SlotIndex} against a {@link TreeSet} in the same order: random adds (mostly of the newest
 * slot, as creates are, some in the middle, as status changes are), removes of present and absent
 * slots, and walks from random offsets, over sets large enough to split and merge chunks.
 */
class SlotIndexTest {

  private final AtomicLong sequence = new AtomicLong();

  /** One random run: its own seed, its length, and how often it adds rather than removes. */
  record Script(long seed, int steps, int addPercent) {}

  @Test
  void agreesWithASortedSetThroughRandomAddsRemovesAndWalks() {
    Property.forAll(
        300,
        random ->
            new Script(random.nextLong(), 200 + random.nextInt(3_000), 40 + random.nextInt(40)),
        this::run);
  }

  @Test
  void aWalkFromEachEndAndPastTheEndOfAThousandSlots() {
    SlotIndex index = new SlotIndex();
    List<Slot> newestFirst = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Slot slot = slot(i);
      index.add(slot);
      newestFirst.add(0, slot);
    }
    assertThat(walk(index, 0, 1_000)).isEqualTo(newestFirst);
    assertThat(walk(index, 999, 10)).containsExactly(newestFirst.get(999));
    assertThat(walk(index, 1_000, 10)).isEmpty();
    assertThat(walk(index, 700, 5)).isEqualTo(newestFirst.subList(700, 705));
    assertThat(walk(index, 200, 64)).isEqualTo(newestFirst.subList(200, 264));
    assertThat(walk(index, 200, 65)).isEqualTo(newestFirst.subList(200, 265));
  }

  @Test
  void removingWhatIsNotThereChangesNothing() {
    SlotIndex index = new SlotIndex();
    Slot kept = slot(5);
    assertThat(index.remove(kept)).isFalse();
    index.add(kept);

    assertThat(index.remove(slot(4))).isFalse();
    assertThat(index.remove(slot(6))).isFalse();
    assertThat(index.remove(slot(5))).isFalse();

    assertThat(walk(index, 0, 10)).containsExactly(kept);
    assertThat(index.remove(kept)).isTrue();
    assertThat(index.size()).isZero();
    assertThat(walk(index, 0, 10)).isEmpty();
  }

  @Test
  void aWalkGoesOnAfterItsLastSlotAndEveryNewerOneAreRemoved() {
    SlotIndex index = new SlotIndex();
    List<Slot> newestFirst = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Slot slot = slot(i);
      index.add(slot);
      newestFirst.add(0, slot);
    }
    List<Slot> visited = new ArrayList<>();
    index.forEach(
        0,
        slot -> {
          visited.add(slot);
          if (visited.size() == SlotIndex.BATCH) {
            // The walk resumes after this slot, which is now newer than every slot left.
            newestFirst.subList(0, SlotIndex.BATCH).forEach(index::remove);
          }
          return true;
        });

    assertThat(visited).isEqualTo(newestFirst.subList(0, 200));
    assertThat(index.size()).isEqualTo(200 - SlotIndex.BATCH);
  }

  @Test
  void instantsBeyondTheMicrosecondRangeSortAtTheEndsAndTieBySequence() {
    Slot max = new Slot(1, Instant.MAX);
    Slot alsoBeyond = new Slot(2, Instant.parse("+300000-01-01T00:00:00Z"));
    Slot epoch = new Slot(3, Instant.EPOCH);
    Slot min = new Slot(4, Instant.MIN);
    Slot alsoBefore = new Slot(5, Instant.parse("-300000-01-01T00:00:00Z"));

    assertThat(alsoBeyond.isNewerThan(max)).isTrue();
    assertThat(max.isNewerThan(epoch)).isTrue();
    assertThat(epoch.isNewerThan(alsoBefore)).isTrue();
    assertThat(alsoBefore.isNewerThan(min)).isTrue();
    assertThat(min.isNewerThan(epoch)).isFalse();
    assertThat(epoch.isNewerThan(epoch)).isFalse();
  }

  private void run(Script script) {
    SplittableRandom random = new SplittableRandom(script.seed());
    SlotIndex index = new SlotIndex();
    TreeSet<Slot> model = new TreeSet<>(Slot.NEWEST_FIRST);
    List<Slot> present = new ArrayList<>();
    List<Slot> removed = new ArrayList<>();
    long newest = 0;
    for (int step = 0; step < script.steps(); step++) {
      // The second half mostly removes, so that chunks run nearly empty and merge.
      int addPercent = step < script.steps() / 2 ? script.addPercent() : 5;
      int roll = random.nextInt(100);
      if (roll < addPercent || present.isEmpty()) {
        Slot slot;
        if (!removed.isEmpty() && random.nextInt(10) == 0) {
          slot = removed.remove(random.nextInt(removed.size()));
        } else if (random.nextInt(5) > 0) {
          newest += random.nextInt(3);
          slot = slot(newest);
        } else {
          slot = slot(random.nextLong(newest + 1));
        }
        index.add(slot);
        model.add(slot);
        present.add(slot);
      } else if (roll < 90) {
        if (random.nextInt(8) == 0) {
          assertThat(index.remove(slot(random.nextLong(newest + 1)))).isFalse();
        } else {
          int at = random.nextInt(present.size());
          Slot slot = present.get(at);
          present.set(at, present.get(present.size() - 1));
          present.remove(present.size() - 1);
          assertThat(index.remove(slot)).isTrue();
          assertThat(index.remove(slot)).isFalse();
          model.remove(slot);
          removed.add(slot);
        }
      } else {
        int offset = random.nextInt(model.size() + 3);
        int limit = 1 + random.nextInt(150);
        List<Slot> expected = new ArrayList<>(model);
        assertThat(walk(index, offset, limit))
            .isEqualTo(
                expected.subList(
                    Math.min(offset, expected.size()), Math.min(offset + limit, expected.size())));
        assertCompact(index);
      }
      assertThat(index.size()).isEqualTo(model.size());
    }
    assertThat(walk(index, 0, Integer.MAX_VALUE)).containsExactlyElementsOf(model);
    assertCompact(index);
  }

  /** Chunks hold 1 to {@code CHUNK} slots, and no two neighbours both hold a quarter or less. */
  private static void assertCompact(SlotIndex index) {
    int[] sizes = index.chunkSizes();
    int total = 0;
    for (int c = 0; c < sizes.length; c++) {
      assertThat(sizes[c]).isBetween(1, SlotIndex.CHUNK);
      if (c > 0) {
        assertThat(Math.max(sizes[c - 1], sizes[c])).isGreaterThan(SlotIndex.CHUNK / 4);
      }
      total += sizes[c];
    }
    assertThat(total).isEqualTo(index.size());
  }

  private static List<Slot> walk(SlotIndex index, long offset, int limit) {
    List<Slot> visited = new ArrayList<>();
    index.forEach(
        offset,
        slot -> {
          visited.add(slot);
          return visited.size() < limit;
        });
    return visited;
  }

  private Slot slot(long micros) {
    return new Slot(sequence.incrementAndGet(), Instant.EPOCH.plusNanos(micros * 1_000));
  }
}
