package io.github.jobstore.benchmarks;

import java.util.Set;

/**
 * What the store's delivery threads ({@code jobstore-events-N}, numbered from 1 in the order they
 * were started, shared by every store of the JVM) show from outside: how many are alive, and the
 * highest number among them, a lower bound of how many were ever started. A benchmark prints both
 * after its trial: a number far above the subscribers means delivery kept starting new threads.
 */
final class DeliveryThreads {

  static final String PREFIX = "jobstore-events-";

  private DeliveryThreads() {}

  /** The delivery threads alive now. */
  static int live() {
    int live = 0;
    for (Thread thread : threads()) {
      if (thread.getName().startsWith(PREFIX)) {
        live++;
      }
    }
    return live;
  }

  /** The highest {@code N} of a delivery thread alive now, 0 when none is. */
  static int highestLiveNumber() {
    int highest = 0;
    for (Thread thread : threads()) {
      String name = thread.getName();
      if (name.startsWith(PREFIX)) {
        highest = Math.max(highest, Integer.parseInt(name.substring(PREFIX.length())));
      }
    }
    return highest;
  }

  private static Set<Thread> threads() {
    return Thread.getAllStackTraces().keySet();
  }
}
