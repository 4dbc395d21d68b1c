package io.github.jobstore.examples;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A deterministic id generator for {@code InMemoryJobStore.builder().idGenerator(..)}: it returns
 * {@code 00000000-0000-4000-8000-000000000001}, then {@code ...0002}, and so on (well-formed
 * version 4 UUIDs, easy to read in a test failure). Thread-safe: it never returns an id twice.
 */
public final class SequentialIds implements Supplier<UUID> {

  private static final long VERSION_4 = 0x4000L;
  private static final long IETF_VARIANT = 0x8000L << 48;

  private final AtomicLong next = new AtomicLong();

  /** Returns the {@code n}-th id this generator hands out, counting from 1. */
  public static UUID id(long n) {
    return new UUID(VERSION_4, IETF_VARIANT | n);
  }

  /** Returns the next id. */
  @Override
  public UUID get() {
    return id(next.incrementAndGet());
  }
}
