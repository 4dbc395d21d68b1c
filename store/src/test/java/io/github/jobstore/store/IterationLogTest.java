package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Iteration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.junit.jupiter.api.Test;

class IterationLogTest {

  private static final UUID JOB = new UUID(0, 1);

  private static Iteration iteration(int n, long order) {
    return Iteration.builder()
        .id(new UUID(1, n))
        .createdAt(Instant.EPOCH)
        .iterationName("iter_" + n)
        .job(JOB)
        .order(order)
        .build();
  }

  @Test
  void eclipseCollectionsAdoptsTheArrayOfANonListCollection() {
    Iteration[] buffer = new Iteration[2];
    buffer[0] = iteration(0, 1);
    ImmutableList<Iteration> adopted =
        Lists.immutable.withAll(new IterationLog.Adopted(buffer)).subList(0, 2);

    buffer[1] = iteration(1, 2);

    assertThat(adopted.get(1)).isSameAs(buffer[1]);
  }

  @Test
  void everyEarlierViewKeepsItsIterationsWhileTheLogGrows() {
    IterationLog log = new IterationLog();
    List<ImmutableList<Iteration>> views = new ArrayList<>();
    List<Iteration> appended = new ArrayList<>();
    for (int n = 0; n < 1_000; n++) {
      Iteration next = iteration(n, n + 1);
      appended.add(next);
      views.add(log.insert(next, n));
    }
    for (int n = 0; n < views.size(); n++) {
      assertThat(views.get(n)).containsExactlyElementsOf(appended.subList(0, n + 1));
    }
    assertThat(log.highestOrder()).isEqualTo(1_000);
  }

  @Test
  void anIterationWithASmallerOrderGoesAfterEqualOrdersAndLeavesEarlierViewsAlone() {
    IterationLog log = new IterationLog();
    log.insert(iteration(0, 1), 0);
    log.insert(iteration(1, 5), 1);
    ImmutableList<Iteration> before = log.insert(iteration(2, 9), 2);

    ImmutableList<Iteration> after = log.insert(iteration(3, 5), 3);

    assertThat(after.collect(i -> i.iterationName()))
        .containsExactly("iter_0", "iter_1", "iter_3", "iter_2");
    assertThat(before.collect(i -> i.iterationName()))
        .containsExactly("iter_0", "iter_1", "iter_2");
    assertThat(log.highestOrder()).isEqualTo(9);
  }

  @Test
  void viewsBehaveAsPlainImmutableLists() {
    IterationLog log = new IterationLog();
    ImmutableList<Iteration> view = Lists.immutable.empty();
    for (int n = 0; n < 7; n++) {
      view = log.insert(iteration(n, n + 1), n);
    }
    ImmutableList<Iteration> copy = Lists.immutable.withAll(new ArrayList<>(view.castToList()));

    assertThat(view).isEqualTo(copy).hasSameHashCodeAs(copy).hasToString(copy.toString());
    assertThat(view.getFirst()).isEqualTo(copy.getFirst());
    assertThat(view.getLast()).isEqualTo(copy.getLast());
    assertThat(view.subList(2, 5)).isEqualTo(copy.subList(2, 5));
    assertThat(view.newWith(iteration(9, 9))).hasSize(8);
    assertThat(view.castToList().stream().count()).isEqualTo(7);
  }

  @Test
  void removeLeavesTheOthersInOrderAndEarlierViewsAlone() {
    IterationLog log = new IterationLog();
    log.insert(iteration(0, 1), 0);
    log.insert(iteration(1, 2), 1);
    ImmutableList<Iteration> before = log.insert(iteration(2, 3), 2);

    ImmutableList<Iteration> after = log.remove(new UUID(1, 1));

    assertThat(after.collect(i -> i.iterationName())).containsExactly("iter_0", "iter_2");
    assertThat(before.collect(i -> i.iterationName()))
        .containsExactly("iter_0", "iter_1", "iter_2");
    assertThat(log.find(new UUID(1, 1))).isNull();
  }

  @Test
  void replaceResortsByOrderThenSequence() {
    IterationLog log = new IterationLog();
    log.insert(iteration(0, 5), 0);
    log.insert(iteration(1, 5), 1);
    log.insert(iteration(2, 7), 2);

    ImmutableList<Iteration> moved = log.replace(iteration(2, 5));

    assertThat(moved.collect(i -> i.iterationName())).containsExactly("iter_0", "iter_1", "iter_2");
    assertThat(log.replace(iteration(0, 6)).collect(i -> i.iterationName()))
        .containsExactly("iter_1", "iter_2", "iter_0");
    assertThat(log.find(new UUID(1, 0))).isEqualTo(iteration(0, 6));
    assertThat(log.highestOrder()).isEqualTo(6);
  }

  @Test
  void replaceInPlaceLeavesEarlierViewsAlone() {
    IterationLog log = new IterationLog();
    log.insert(iteration(0, 1), 0);
    ImmutableList<Iteration> before = log.insert(iteration(1, 2), 1);
    Iteration renamed = iteration(0, 1).withIterationName("renamed");

    ImmutableList<Iteration> after = log.replace(renamed);

    assertThat(after).containsExactly(renamed, iteration(1, 2));
    assertThat(before).containsExactly(iteration(0, 1), iteration(1, 2));
    assertThat(log.find(renamed.id())).isEqualTo(renamed);
  }
}
