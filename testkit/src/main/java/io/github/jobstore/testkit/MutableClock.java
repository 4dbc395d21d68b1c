package io.github.jobstore.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it: {@link #set(Instant)} and {@link
 * #advance(Duration)}. Give it to a store to make every timestamp the store assigns predictable.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
 * JobStore store = InMemoryJobStore.builder().clock(clock).build();
 * clock.advance(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>Thread-safe: its instant is held atomically, so threads may read and move it at once. A clock
 * returned by {@link #withZone(ZoneId)} shares the instant with this one.
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> instant;
  private final ZoneId zone;

  /**
   * Creates a clock in UTC that reads {@code instant} until it is moved.
   *
   * @throws NullPointerException if {@code instant} is null
   */
  public MutableClock(Instant instant) {
    this(new AtomicReference<>(requireNonNull(instant, "instant")), ZoneOffset.UTC);
  }

  private MutableClock(AtomicReference<Instant> instant, ZoneId zone) {
    this.instant = instant;
    this.zone = zone;
  }

  /** Returns the instant the clock was last set to. */
  @Override
  public Instant instant() {
    return requireNonNull(instant.get());
  }

  /** Returns the clock's zone: UTC unless the clock came from {@link #withZone(ZoneId)}. */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a clock in {@code zone} that shares this clock's instant, moves included. */
  @Override
  public MutableClock withZone(ZoneId zone) {
    return new MutableClock(instant, requireNonNull(zone, "zone"));
  }

  /**
   * Sets the clock to {@code instant}, which may be before the current one.
   *
   * @throws NullPointerException if {@code instant} is null
   */
  public void set(Instant instant) {
    this.instant.set(requireNonNull(instant, "instant"));
  }

  /**
   * Moves the clock by {@code duration} (backwards when negative) and returns the new instant.
   *
   * @throws NullPointerException if {@code duration} is null
   */
  public Instant advance(Duration duration) {
    requireNonNull(duration, "duration");
    return requireNonNull(instant.updateAndGet(current -> current.plus(duration)));
  }
}
