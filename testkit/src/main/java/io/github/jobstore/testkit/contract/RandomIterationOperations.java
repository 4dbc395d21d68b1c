package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.IterationStatus;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Draws the random inputs of the iteration operations of {@link JobStoreModelContract}: the
 * iteration an operation is on, create params, changes for {@code updateIteration} (fields, orders,
 * moves, and changes that fail), and {@code listIterations} queries. Names, scores and orders come
 * from small pools, so that filters and ties meet often.
 */
final class RandomIterationOperations {

  private static final List<String> NAMES =
      List.of(
          "a", "B", "round", "\uFF21", "\u03A3\u03AF\u03C3\u03C5\u03C6\u03BF\u03C2", "stra\u00DFe");
  private static final List<String> DESCRIPTIONS =
      List.of(
          "\u0131dle \u03A3\u039F\u03A6\u038A\u0391",
          "tried \"quotes\", commas",
          "back\\slash \u00DF",
          "round \uD801\uDC28");
  private static final List<Double> SCORES = List.of(-1.5, -0.0, 0.0, 0.5, 2.0);
  private static final List<String> ORDERING_FIELDS =
      List.of("order", "created_at", "avg_score", "iteration_name", "status");

  private final SplittableRandom random;
  private final JobStoreModel model;
  private final RandomOperations operations;
  private final RandomSearchAndOrdering searchAndOrdering;

  /** Draws from {@code random}, and picks jobs through {@code operations}. */
  RandomIterationOperations(
      SplittableRandom random, JobStoreModel model, RandomOperations operations) {
    this.random = random;
    this.model = model;
    this.operations = operations;
    this.searchAndOrdering = new RandomSearchAndOrdering(random);
  }

  /**
   * The iteration an operation is on: usually one of the model's, sometimes a deleted one (from
   * {@code deleted}), sometimes one that never existed.
   */
  UUID target(Collection<UUID> deleted) {
    List<Iteration> all = model.allIterations();
    int kind = random.nextInt(10);
    if (kind == 0 || all.isEmpty()) {
      return uuid();
    } else if (kind == 1 && !deleted.isEmpty()) {
      return pick(new ArrayList<>(deleted));
    }
    return pick(all).id();
  }

  /** Params for {@code createIteration}: mostly of a job that exists, at times of none. */
  IterationCreateParams createParams(Collection<UUID> deletedJobs) {
    IterationCreateParams params = operations.iterationParams();
    if (random.nextInt(3) == 0) {
      params = params.withIterationName(pick(NAMES));
    }
    if (random.nextBoolean()) {
      params = params.withAvgScore(pick(SCORES));
    }
    if (random.nextBoolean()) {
      params = params.withStatus(pick(IterationStatus.values()));
    }
    if (random.nextBoolean()) {
      params = params.withDescription(pick(DESCRIPTIONS));
    }
    return random.nextInt(12) == 0
        ? params.withJob(Optional.empty())
        : params.withJob(operations.target(deletedJobs));
  }

  /** A change for {@code updateIteration}: one to four steps, at times one that fails. */
  IterationChange change(Collection<UUID> deletedJobs) {
    int kind = random.nextInt(25);
    if (kind == 0) {
      IllegalStateException failure = new IllegalStateException("change failed");
      return new IterationChange(
          "a change that throws",
          iteration -> {
            throw failure;
          },
          failure);
    } else if (kind == 1) {
      return new IterationChange("a change that returns null", iteration -> nothing(), null);
    }
    List<String> descriptions = new ArrayList<>();
    UnaryOperator<Iteration> operator = iteration -> iteration;
    int count = random.nextInt(1, 5);
    for (int i = 0; i < count; i++) {
      Step step = step(deletedJobs);
      UnaryOperator<Iteration> before = operator;
      operator = iteration -> step.operator().apply(before.apply(iteration));
      descriptions.add(step.description());
    }
    return new IterationChange(String.join(", ", descriptions), operator, null);
  }

  private Step step(Collection<UUID> deletedJobs) {
    return switch (random.nextInt(13)) {
      case 0, 1, 2 -> {
        long order = random.nextInt(8) == 0 ? Long.MAX_VALUE : random.nextLong(-2, 8);
        yield new Step("order " + order, iteration -> iteration.withOrder(order));
      }
      case 3, 4, 5 -> {
        UUID job = operations.target(deletedJobs);
        yield new Step("move to " + job, iteration -> iteration.withJob(job));
      }
      case 6 -> {
        Optional<Double> score =
            random.nextInt(4) == 0 ? Optional.empty() : Optional.of(pick(SCORES));
        yield new Step("avg_score " + score, iteration -> iteration.withAvgScore(score));
      }
      case 7 -> {
        Optional<IterationStatus> status =
            random.nextInt(4) == 0 ? Optional.empty() : Optional.of(pick(IterationStatus.values()));
        yield new Step("status " + status, iteration -> iteration.withStatus(status));
      }
      case 8 -> {
        String name = pick(NAMES);
        yield new Step("name " + name, iteration -> iteration.withIterationName(name));
      }
      case 9 -> {
        UUID other = uuid();
        yield new Step("read-only id", iteration -> iteration.withId(other));
      }
      case 10 ->
          new Step(
              "read-only created_at",
              iteration ->
                  iteration.withCreatedAt(iteration.createdAt().plus(1, ChronoUnit.MICROS)));
      case 11 -> {
        Optional<String> description =
            random.nextInt(4) == 0 ? Optional.empty() : Optional.of(pick(DESCRIPTIONS));
        yield new Step(
            "description " + description, iteration -> iteration.withDescription(description));
      }
      default -> new Step("order cleared", iteration -> iteration.withOrder(Optional.empty()));
    };
  }

  /** A query for {@code listIterations}, its page mostly one that exists. */
  ModelIterationQuery query() {
    Optional<String> search = searchAndOrdering.search(searchedTexts());
    // beside a search, other filters are rarer, so that the search decides most pages
    int odds = search.isPresent() ? 10 : 4;
    ModelIterationQuery query =
        new ModelIterationQuery(
            maybe(odds - 1, () -> operations.target(List.of())),
            maybe(odds, () -> pick(NAMES)),
            maybe(odds, () -> pick(IterationStatus.values())),
            maybe(odds, () -> pick(SCORES)),
            maybe(odds, () -> pick(SCORES)),
            search,
            searchAndOrdering.ordering(ORDERING_FIELDS),
            Optional.empty(),
            random.nextBoolean() ? Optional.empty() : Optional.of(random.nextInt(1, 7)));
    int count = model.listIterations(query).value().count();
    int size = query.pageSize().orElse(100);
    int pages = Math.max(1, (count + size - 1) / size);
    int page =
        random.nextInt(8) == 0 ? random.nextInt(-1, pages + 3) : random.nextInt(1, pages + 1);
    return query.withPage(page == 1 && random.nextBoolean() ? Optional.empty() : Optional.of(page));
  }

  /** The present {@code search} fields of each iteration. */
  private List<List<String>> searchedTexts() {
    List<List<String>> texts = new ArrayList<>();
    for (Iteration iteration : model.allIterations()) {
      List<String> present = new ArrayList<>(List.of(iteration.iterationName()));
      iteration.description().ifPresent(present::add);
      texts.add(present);
    }
    return texts;
  }

  @SuppressWarnings("NullAway") // a change that returns null, on purpose
  private static Iteration nothing() {
    return null;
  }

  private UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  /** A value one time in {@code odds}. */
  private <T> Optional<T> maybe(int odds, Supplier<T> value) {
    return random.nextInt(odds) == 0 ? Optional.of(value.get()) : Optional.empty();
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private <T> T pick(T[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private record Step(String description, UnaryOperator<Iteration> operator) {}

  /** A change for {@code updateIteration}, how to describe it, and what it throws, if any. */
  record IterationChange(
      String description, UnaryOperator<Iteration> operator, @Nullable RuntimeException failure) {}
}
