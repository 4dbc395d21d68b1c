package io.github.jobstore.core;

import java.util.Optional;
import java.util.UUID;

/**
 * The setters that {@link Iteration.Builder} and {@link IterationCreateParams.Builder} share: one
 * for each writable field of an iteration, so code that fills either builder is written once.
 *
 * <p>A setter taking the plain value sets the field; the one taking an {@code Optional} sets it or,
 * given {@code Optional.empty()}, clears it. Setters never validate: {@code build()} does, and
 * reports every violation at once in a {@link ValidationException}. Builders are not thread-safe.
 *
 * @param <B> the builder type, returned by every setter for chaining
 */
public interface IterationFieldsBuilder<B extends IterationFieldsBuilder<B>> {

  /** Sets every writable field that {@code fields} has, as {@code from} on the builders does. */
  B from(IterationFields fields);

  /** Sets {@code iteration_name}: required, 1 to 64 characters, not blank. */
  B iterationName(String iterationName);

  /** Sets {@code job}: the id of the job the iteration belongs to. */
  B job(UUID job);

  /** Sets {@code agent_code}. */
  B agentCode(String agentCode);

  /** Sets or clears {@code agent_code}. */
  B agentCode(Optional<String> agentCode);

  /** Sets {@code avg_score}: a finite number. */
  B avgScore(double avgScore);

  /** Sets or clears {@code avg_score}. */
  B avgScore(Optional<Double> avgScore);

  /** Sets {@code description}. */
  B description(String description);

  /** Sets or clears {@code description}. */
  B description(Optional<String> description);

  /** Sets {@code dimension_scores}. */
  B dimensionScores(JsonObject dimensionScores);

  /** Sets or clears {@code dimension_scores}. */
  B dimensionScores(Optional<? extends JsonObject> dimensionScores);

  /** Sets {@code order}: the iteration's position in its job. */
  B order(long order);

  /** Sets or clears {@code order}. */
  B order(Optional<Long> order);

  /** Sets {@code status}. */
  B status(IterationStatus status);

  /** Sets or clears {@code status}. */
  B status(Optional<? extends IterationStatus> status);
}
