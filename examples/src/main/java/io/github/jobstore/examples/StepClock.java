package io.github.jobstore.examples;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deterministic clock for tests and simulations: its first {@link #instant()} is {@code start},
 * and every later call returns one {@code step} more. Thread-safe: concurrent callers each get a
 * distinct instant.
 */
public final class StepClock extends Clock {

  private final Instant start;
  private final Duration step;
  private final ZoneId zone;
  private final AtomicLong ticks;

  /** Creates a clock in UTC that starts at {@code start} and advances {@code step} per reading. */
  public StepClock(Instant start, Duration step) {
    this(start, step, ZoneOffset.UTC, new AtomicLong());
  }

  private StepClock(Instant start, Duration step, ZoneId zone, AtomicLong ticks) {
    this.start = requireNonNull(start, "start");
    this.step = requireNonNull(step, "step");
    this.zone = requireNonNull(zone, "zone");
    this.ticks = ticks;
  }

  /** Returns the next instant: {@code start} plus one {@code step} per earlier reading. */
  @Override
  public Instant instant() {
    return start.plus(step.multipliedBy(ticks.getAndIncrement()));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a clock in {@code zone} that shares this clock's readings. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new StepClock(start, step, zone, ticks);
  }
}
