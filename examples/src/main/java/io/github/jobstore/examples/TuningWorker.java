package io.github.jobstore.examples;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.Job;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Runs one simulated prompt-tuning job through a {@link TuningService}, as the real client does.
 * Every score, plan and failure comes from the worker's own seeded random, so a job's outcome does
 * not depend on how the threads interleave. Used by one thread at a time.
 */
final class TuningWorker implements Callable<Job> {

  /** Scored samples per candidate: the simulated evaluation work, a few milliseconds per job. */
  private static final int SAMPLES = 5_000;

  private static final double FAILURE_RATE = 0.2;

  private final TuningService service;
  private final UUID project;
  private final String promptSlug;
  private final SplittableRandom random;

  TuningWorker(TuningService service, UUID project, String promptSlug, SplittableRandom random) {
    this.service = service;
    this.project = project;
    this.promptSlug = promptSlug;
    this.random = random;
  }

  @Override
  public Job call() {
    int rounds = random.nextInt(4, 9);
    int candidates = random.nextInt(2, 5);
    int failingRound = random.nextDouble() < FAILURE_RATE ? random.nextInt(1, rounds + 1) : 0;
    UUID id = service.start(project, promptSlug, rounds, candidates).id();
    double quality = random.nextDouble(0.55, 0.70);
    service.recordBaseline(id, evaluate(quality));
    for (int round = 1; round <= rounds; round++) {
      if (round == failingRound) {
        return service.fail(
            id,
            String.format(Locale.ROOT, "The judge timed out in round %d of %d.", round, rounds));
      }
      Candidate best = bestOf(candidates, quality);
      String code = String.format(Locale.ROOT, "%s v%d.%d", promptSlug, round, best.number());
      String description =
          String.format(Locale.ROOT, "best of %d candidates in round %d", candidates, round);
      Iteration iteration = service.recordRound(id, best.score(), code, description);
      if (iteration.status().equals(Optional.of(IterationStatus.KEEP))) {
        quality = best.quality();
      }
    }
    return service.complete(id);
  }

  /** Evaluates {@code count} variations of a prompt of this quality and returns the best. */
  private Candidate bestOf(int count, double quality) {
    Candidate best = new Candidate(0, quality, Double.NEGATIVE_INFINITY);
    for (int number = 1; number <= count; number++) {
      double candidateQuality = Math.min(1, quality + random.nextDouble(-0.025, 0.035));
      double score = evaluate(candidateQuality);
      if (score > best.score()) {
        best = new Candidate(number, candidateQuality, score);
      }
    }
    return best;
  }

  /** The average score of {@link #SAMPLES} noisy judgements of a prompt of this quality. */
  private double evaluate(double quality) {
    double sum = 0;
    for (int i = 0; i < SAMPLES; i++) {
      sum += Math.min(1, Math.max(0, quality + random.nextDouble(-0.2, 0.2)));
    }
    return sum / SAMPLES;
  }

  /** A candidate prompt: its number in the round, its true quality and its measured score. */
  private record Candidate(int number, double quality, double score) {}
}
