package io.github.jobstore.hazelcast;

import com.hazelcast.map.IMap;

/**
 * The creation sequence of one store's jobs and iterations, cluster-wide: a counter in the store's
 * meta map, advanced by compare-and-set, so numbers are never repeated and follow real time across
 * members. (Hazelcast's {@code FlakeIdGenerator} hands out ids out of order across members, its
 * {@code PNCounter} can repeat a value, and {@code IAtomicLong} needs the CP subsystem.)
 */
final class Sequence {

  private static final String KEY = "sequence";

  private final IMap<String, Long> meta;

  Sequence(IMap<String, Long> meta) {
    this.meta = meta;
  }

  /** Takes {@code count} numbers and returns the first; the others follow it. */
  long next(int count) {
    while (true) {
      Long last = meta.get(KEY);
      if (last == null) {
        if (meta.putIfAbsent(KEY, (long) count) == null) {
          return 1;
        }
      } else if (meta.replace(KEY, last, last + count)) {
        return last + 1;
      }
    }
  }
}
