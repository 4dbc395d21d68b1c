package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.testkit.Parallel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Walks of a {@link SlotIndex} while other threads add and remove slots: each walk is in order,
 * visits each slot at most once, and visits every slot that stays in the set throughout.
 */
class SlotIndexConcurrencyTest {

  private static final int STAYING = 3_000;
  private static final int WRITERS = 2;
  private static final int WRITES = 40_000;
  private static final int READERS = 2;
  private static final int WALKS = 150;

  private final AtomicLong sequence = new AtomicLong();

  @Test
  void walksStayInOrderAndMissNoSlotThatStaysWhileWritersAddAndRemove() throws Exception {
    SlotIndex index = new SlotIndex();
    SplittableRandom seeds = new SplittableRandom(20261202L);
    TreeSet<Slot> staying = new TreeSet<>(Slot.NEWEST_FIRST);
    for (int i = 0; i < STAYING; i++) {
      Slot slot = slot(seeds.nextLong(1_000_000));
      staying.add(slot);
      index.add(slot);
    }
    List<SplittableRandom> randoms = new ArrayList<>();
    for (int thread = 0; thread < WRITERS + READERS; thread++) {
      randoms.add(seeds.split());
    }

    List<List<Slot>> leftBehind =
        Parallel.inParallel(
            WRITERS + READERS,
            thread ->
                thread < WRITERS
                    ? write(index, randoms.get(thread))
                    : read(index, staying, randoms.get(thread)));

    TreeSet<Slot> expected = new TreeSet<>(staying);
    leftBehind.forEach(expected::addAll);
    List<Slot> all = new ArrayList<>();
    index.forEach(0, all::add);
    assertThat(all).containsExactlyElementsOf(expected);
    assertThat(index.size()).isEqualTo(expected.size());
  }

  /** Adds and removes slots of its own, newest and in the middle; returns those it left in. */
  private Callable<List<Slot>> write(SlotIndex index, SplittableRandom random) {
    return () -> {
      List<Slot> mine = new ArrayList<>();
      long newest = 1_000_000;
      for (int i = 0; i < WRITES; i++) {
        if (mine.isEmpty() || random.nextInt(100) < 55) {
          Slot slot = slot(random.nextBoolean() ? newest++ : random.nextLong(newest));
          index.add(slot);
          mine.add(slot);
        } else {
          int at = random.nextInt(mine.size());
          Slot slot = mine.get(at);
          mine.set(at, mine.get(mine.size() - 1));
          mine.remove(mine.size() - 1);
          assertThat(index.remove(slot)).isTrue();
        }
      }
      return mine;
    };
  }

  /** Walks the whole set, or from an offset, and checks each walk; returns nothing. */
  private static Callable<List<Slot>> read(
      SlotIndex index, NavigableSet<Slot> staying, SplittableRandom random) {
    return () -> {
      for (int walk = 0; walk < WALKS; walk++) {
        List<Slot> visited = new ArrayList<>();
        long offset = random.nextInt(4) == 0 ? random.nextInt(STAYING) : 0;
        index.forEach(offset, visited::add);
        for (int i = 1; i < visited.size(); i++) {
          assertThat(visited.get(i - 1).isNewerThan(visited.get(i)))
              .as("walk %d: slot %d after slot %d", walk, i, i - 1)
              .isTrue();
        }
        Set<Slot> seen = new HashSet<>(visited);
        Set<Slot> mustSee =
            offset == 0 || visited.isEmpty() ? staying : staying.tailSet(visited.get(0), true);
        assertThat(mustSee.stream().filter(slot -> !seen.contains(slot)))
            .as("walk %d from %d missed slots that stayed", walk, offset)
            .isEmpty();
      }
      return List.of();
    };
  }

  private Slot slot(long micros) {
    return new Slot(sequence.incrementAndGet(), Instant.EPOCH.plusNanos(micros * 1_000));
  }
}
