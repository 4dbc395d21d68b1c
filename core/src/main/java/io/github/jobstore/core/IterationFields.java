package io.github.jobstore.core;

import java.util.Optional;

/**
 * The writable fields that {@link Iteration} and {@link IterationCreateParams} share: code that
 * reads either is written once against this type. {@link IterationFieldsBuilder} is the builders'
 * side of the same fields.
 *
 * <p>Only {@code Iteration} and {@code IterationCreateParams} extend this class; instances are
 * immutable.
 */
public abstract class IterationFields {

  static final int NAME_MAX_LENGTH = 64;

  IterationFields() {}

  /** {@code iteration_name}: required, 1 to 64 characters (code points), not blank. */
  public abstract String iterationName();

  /** {@code agent_code}: the candidate agent's code, any length. */
  public abstract Optional<String> agentCode();

  /** {@code avg_score}: a finite number. */
  public abstract Optional<Double> avgScore();

  /** {@code description}: free text, any length. */
  public abstract Optional<String> description();

  /** {@code dimension_scores}: any JSON object. */
  public abstract Optional<JsonObject> dimensionScores();

  /** {@code order}: the iteration's position in its job, numbered from 1 by the store. */
  public abstract Optional<Long> order();

  /** {@code status}: whether the candidate was kept. */
  public abstract Optional<IterationStatus> status();
}
