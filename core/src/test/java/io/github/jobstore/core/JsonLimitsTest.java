package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How deep JSON values may nest, and what an adversary's keys cost. */
class JsonLimitsTest {

  private static final String TOO_DEEP = "JSON may nest at most 500 levels deep";

  /** A list holding a list ... {@code depth} levels deep, around an empty list. */
  private static List<Object> nested(int depth) {
    List<Object> outer = new ArrayList<>();
    List<Object> inner = outer;
    for (int level = 1; level < depth; level++) {
      List<Object> next = new ArrayList<>();
      inner.add(next);
      inner = next;
    }
    inner.add(1);
    return outer;
  }

  @Test
  void aValueMayNestExactlyMaxDepthLevels() {
    assertThat(JsonArray.of(nested(JsonValue.MAX_DEPTH)).depth()).isEqualTo(JsonValue.MAX_DEPTH);
  }

  @Test
  void oneLevelMoreIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonArray.of(nested(JsonValue.MAX_DEPTH + 1)))
        .withMessage(TOO_DEEP);
  }

  @Test
  void aHundredThousandLevelsAreRejectedWithoutOverflowingTheStack() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonValue.of(nested(100_000)))
        .withMessage(TOO_DEEP);
  }

  @Test
  void wrappingAValueOfMaxDepthIsRejected() {
    JsonArray deepest = JsonArray.of(nested(JsonValue.MAX_DEPTH));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonObject.of(Map.of("a", deepest)))
        .withMessage(TOO_DEEP);
  }

  @Test
  void scalarsHaveNoDepthAndContainersCountThemselves() {
    assertThat(new JsonString("x").depth()).isZero();
    assertThat(JsonObject.empty().depth()).isEqualTo(1);
    assertThat(JsonObject.of(Map.of("a", List.of(Map.of()))).depth()).isEqualTo(3);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null on purpose
  void nullSourcesAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> JsonObject.of(null)).withMessage("members");
    assertThatNullPointerException().isThrownBy(() -> JsonArray.of(null)).withMessage("elements");
  }

  @Test
  void keysThatAllShareOneHashCodeCostNoMoreThanAFewSeconds() {
    // "Aa" and "BB" share a hash code, so every string of 16 such pairs shares one: 65,536 keys.
    Map<String, Object> colliding = new LinkedHashMap<>();
    for (int bits = 0; bits < 1 << 16; bits++) {
      StringBuilder key = new StringBuilder();
      for (int pair = 0; pair < 16; pair++) {
        key.append((bits >> pair & 1) == 0 ? "Aa" : "BB");
      }
      colliding.put(key.toString(), bits);
    }

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          JsonObject object = JsonObject.of(colliding);
          JsonObject copy = JsonObject.of(colliding);
          assertThat(object).isEqualTo(copy).hasSameHashCodeAs(copy);
          assertThat(object.size()).isEqualTo(1 << 16);
        });
  }
}
