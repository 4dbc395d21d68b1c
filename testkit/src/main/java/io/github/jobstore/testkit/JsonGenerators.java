package io.github.jobstore.testkit;

import io.github.jobstore.core.JsonArray;
import io.github.jobstore.core.JsonBoolean;
import io.github.jobstore.core.JsonNull;
import io.github.jobstore.core.JsonNumber;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.JsonString;
import io.github.jobstore.core.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Generators of JSON values: nested objects and arrays, unicode and boundary-length strings and
 * keys, and numbers no {@code double} can hold (40 digits, large exponents, trailing zeros).
 */
public final class JsonGenerators {

  private static final int MAX_DEPTH = 3;
  private static final int MAX_MEMBERS = 5;

  private JsonGenerators() {}

  /** Returns a generator of JSON objects nested up to three levels deep, often empty. */
  public static Generator<JsonObject> objects() {
    return random -> object(random, MAX_DEPTH);
  }

  /** Returns a generator of JSON values of every kind. */
  public static Generator<JsonValue> values() {
    return random -> value(random, MAX_DEPTH);
  }

  /** Returns a generator of JSON numbers, exact and often beyond what a {@code double} holds. */
  public static Generator<JsonNumber> numbers() {
    return JsonGenerators::number;
  }

  private static JsonValue value(RandomGenerator random, int depth) {
    int kinds = depth > 0 ? 6 : 4;
    return switch (random.nextInt(kinds)) {
      case 0 -> new JsonString(Texts.upTo(random, 20));
      case 1 -> number(random);
      case 2 -> JsonBoolean.of(random.nextBoolean());
      case 3 -> JsonNull.INSTANCE;
      case 4 -> array(random, depth - 1);
      default -> object(random, depth - 1);
    };
  }

  private static JsonObject object(RandomGenerator random, int depth) {
    int size = random.nextInt(MAX_MEMBERS + 1);
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      members.put(Texts.upTo(random, 10), value(random, depth));
    }
    return JsonObject.of(members);
  }

  private static JsonArray array(RandomGenerator random, int depth) {
    int size = random.nextInt(MAX_MEMBERS + 1);
    List<JsonValue> elements = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      elements.add(value(random, depth));
    }
    return JsonArray.of(elements);
  }

  /** Up to 40 digits, either sign. */
  private static BigInteger bigInteger(RandomGenerator random) {
    StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
    int length = random.nextInt(1, 41);
    for (int i = 0; i < length; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return new BigInteger(digits.toString());
  }

  private static JsonNumber number(RandomGenerator random) {
    return switch (random.nextInt(4)) {
      case 0 -> JsonNumber.of(Numbers.int64(random));
      case 1 -> JsonNumber.of(Numbers.finiteDouble(random));
      case 2 -> new JsonNumber(new BigDecimal(bigInteger(random), random.nextInt(-40, 41)));
      default -> new JsonNumber(BigDecimal.valueOf(random.nextLong(-1000, 1000), 3));
    };
  }
}
