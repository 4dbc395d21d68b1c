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
 * {@link MergedSlots} against the sorted union of its sets, with some slots in two sets at once (a
 * job between two statuses), from random offsets.
 */
class MergedSlotsTest {

  private final AtomicLong sequence = new AtomicLong();

  /** One random union: its seed, how many sets, how many slots. */
  record Union(long seed, int sets, int slots) {}

  @Test
  void walksTheSortedUnionOnceEachFromAnyOffset() {
    Property.forAll(
        500,
        random -> new Union(random.nextLong(), 1 + random.nextInt(5), random.nextInt(600)),
        this::check);
  }

  private void check(Union union) {
    SplittableRandom random = new SplittableRandom(union.seed());
    SlotIndex[] sets = new SlotIndex[union.sets()];
    for (int i = 0; i < sets.length; i++) {
      sets[i] = new SlotIndex();
    }
    TreeSet<Slot> expected = new TreeSet<>(Slot.NEWEST_FIRST);
    int memberships = 0;
    for (int n = 0; n < union.slots(); n++) {
      Slot slot =
          new Slot(sequence.incrementAndGet(), Instant.EPOCH.plusSeconds(random.nextInt(400)));
      int first = random.nextInt(sets.length);
      sets[first].add(slot);
      memberships++;
      int second = random.nextInt(sets.length);
      if (second != first && random.nextInt(10) == 0) {
        sets[second].add(slot);
        memberships++;
      }
      expected.add(slot);
    }
    MergedSlots merged = new MergedSlots(sets);
    assertThat(merged.size()).isEqualTo(memberships);

    List<Slot> all = new ArrayList<>(expected);
    int offset = random.nextInt(all.size() + 2);
    int limit = 1 + random.nextInt(200);
    List<Slot> visited = new ArrayList<>();
    merged.forEach(
        offset,
        slot -> {
          visited.add(slot);
          return visited.size() < limit;
        });
    assertThat(visited)
        .isEqualTo(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())));
  }
}
