package io.github.jobstore.store;

import java.util.function.Predicate;

/** Job slots in the store's default order, counted: what a query of the store reads. */
interface Slots {

  /** How many slots there are; under concurrent writes, as of some moment during the call. */
  int size();

  /**
   * Visits the slots from {@code offset} on (counted from the newest, 0 first), newest first, each
   * at most once, until {@code visitor} returns false or the slots run out. A slot that stays in
   * place throughout is visited if it lies past the offset. The visitor holds no lock of the store.
   */
  void forEach(long offset, Predicate<Slot> visitor);
}
