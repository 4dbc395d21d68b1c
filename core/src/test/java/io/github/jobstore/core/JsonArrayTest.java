package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link JsonArray}: built from plain lists, deeply immutable, equal by its elements in order. */
class JsonArrayTest {

  @Test
  void ofConvertsEveryElementInOrder() {
    JsonArray json = JsonArray.of(Arrays.asList("a", 1, true, null, List.of(), Map.of()));

    assertThat(json.elements())
        .containsExactly(
            new JsonString("a"),
            JsonNumber.of(1),
            JsonBoolean.TRUE,
            JsonNull.INSTANCE,
            JsonArray.empty(),
            JsonObject.empty());
  }

  @Test
  void emptyListGivesTheEmptyArray() {
    assertThat(JsonArray.of(List.of())).isEqualTo(JsonArray.empty());
    assertThat(JsonArray.empty().elements()).isEmpty();
  }

  @Test
  void equalElementsInTheSameOrderAreEqualWithEqualHashCodes() {
    JsonArray ints = JsonArray.of(List.of(1, 2));
    JsonArray decimals = JsonArray.of(List.of(new BigDecimal("1.0"), new BigDecimal("2.00")));

    assertThat(ints).isEqualTo(decimals).hasSameHashCodeAs(decimals);
  }

  @Test
  void orderMatters() {
    assertThat(JsonArray.of(List.of(1, 2))).isNotEqualTo(JsonArray.of(List.of(2, 1)));
  }

  @Test
  void changingTheSourceListAfterOfChangesNothing() {
    List<Object> inner = new ArrayList<>(List.of("x"));
    List<Object> source = new ArrayList<>(List.of(1, inner));
    JsonArray json = JsonArray.of(source);

    source.add(3);
    source.set(0, 0);
    inner.add("y");

    assertThat(json).isEqualTo(JsonArray.of(List.of(1, List.of("x"))));
  }

  @Test
  void elementsRejectEveryChange() {
    List<JsonValue> elements = JsonArray.of(List.of(1, 2)).elements().castToList();

    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> elements.add(JsonNull.INSTANCE));
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> elements.set(0, JsonNull.INSTANCE));
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> elements.remove(0));
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> elements.replaceAll(e -> JsonNull.INSTANCE));
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> elements.listIterator().set(JsonNull.INSTANCE));
  }

  @Test
  void listThatContainsItselfIsRejectedWithoutOverflowingTheStack() {
    List<Object> source = new ArrayList<>();
    source.add(source);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonArray.of(source))
        .withMessage("A map or list that contains itself cannot be JSON");
  }

  @Test
  void listThatContainsItselfThroughAMapIsRejected() {
    List<Object> source = new ArrayList<>();
    HashMap<String, Object> map = new HashMap<>();
    map.put("back", source);
    source.add(map);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonArray.of(source))
        .withMessage("A map or list that contains itself cannot be JSON");
  }

  @Test
  void nonFiniteElementIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonArray.of(List.of(1.0, Double.NaN)))
        .withMessage("A JSON number must be finite, not NaN");
  }

  /** As for numbers: arrays that differ get different hash codes, not one shared constant. */
  @Test
  void differentArraysHaveDifferentHashCodes() {
    assertThat(IntStream.range(0, 50).map(n -> JsonArray.of(List.of(n)).hashCode()).distinct())
        .hasSize(50);
  }
}
