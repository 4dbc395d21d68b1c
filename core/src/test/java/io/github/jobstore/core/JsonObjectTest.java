package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link JsonObject}: built from plain maps, deeply immutable, equal by value in any key order. */
class JsonObjectTest {

  private static Map<String, Object> nested() {
    LinkedHashMap<String, Object> inner = new LinkedHashMap<>();
    inner.put("k", 2.5);
    LinkedHashMap<String, Object> source = new LinkedHashMap<>();
    source.put("s", "text");
    source.put("n", 1);
    source.put("b", true);
    source.put("nil", null);
    source.put("list", new ArrayList<>(Arrays.asList(1, "two", false, null)));
    source.put("obj", inner);
    return source;
  }

  @Test
  void ofConvertsNestedPlainValues() {
    JsonObject json = JsonObject.of(nested());

    assertThat(json.size()).isEqualTo(6);
    assertThat(json.get("s")).contains(new JsonString("text"));
    assertThat(json.get("n")).contains(JsonNumber.of(1));
    assertThat(json.get("b")).contains(JsonBoolean.TRUE);
    assertThat(json.get("nil")).contains(JsonNull.INSTANCE);
    assertThat(json.get("list"))
        .contains(
            JsonArray.of(
                List.of(
                    JsonNumber.of(1),
                    new JsonString("two"),
                    JsonBoolean.FALSE,
                    JsonNull.INSTANCE)));
    assertThat(json.get("obj")).contains(JsonObject.of(Map.of("k", JsonNumber.of(2.5))));
  }

  @Test
  void getOfAnAbsentKeyIsEmpty() {
    assertThat(JsonObject.of(Map.of("a", 1)).get("b")).isEmpty();
  }

  @Test
  void emptyMapGivesTheEmptyObject() {
    JsonObject json = JsonObject.of(Map.of());

    assertThat(json).isEqualTo(JsonObject.empty());
    assertThat(json.isEmpty()).isTrue();
    assertThat(json.size()).isZero();
    assertThat(JsonObject.of(Map.of("a", 1)).isEmpty()).isFalse();
  }

  @Test
  void equalityAndHashCodeIgnoreKeyOrder() {
    LinkedHashMap<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", List.of("x"));
    LinkedHashMap<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", List.of("x"));
    ba.put("a", 1);

    assertThat(JsonObject.of(ab)).isEqualTo(JsonObject.of(ba)).hasSameHashCodeAs(JsonObject.of(ba));
  }

  @Test
  void membersKeepTheGivenKeyOrder() {
    LinkedHashMap<String, Object> source = new LinkedHashMap<>();
    source.put("z", 1);
    source.put("a", 2);
    source.put("m", 3);

    assertThat(JsonObject.of(source).keys()).containsExactly("z", "a", "m");
  }

  @Test
  void numbersInsideAreEqualByValue() {
    JsonObject one = JsonObject.of(Map.of("a", 1));
    JsonObject onePointZero = JsonObject.of(Map.of("a", new BigDecimal("1.00")));

    assertThat(one).isEqualTo(onePointZero).hasSameHashCodeAs(onePointZero);
  }

  @Test
  void objectsWithDifferentValuesOrKeysAreNotEqual() {
    JsonObject json = JsonObject.of(Map.of("a", 1));

    assertThat(json)
        .isNotEqualTo(JsonObject.of(Map.of("a", 2)))
        .isNotEqualTo(JsonObject.of(Map.of("A", 1)))
        .isNotEqualTo(JsonObject.of(Map.of("a", "1")))
        .isNotEqualTo(JsonObject.of(Map.of("a", 1, "b", 1)));
  }

  @Test
  void changingTheSourceMapAfterOfChangesNothing() {
    List<Object> list = new ArrayList<>(Arrays.asList(1, "two"));
    Map<String, Object> inner = new HashMap<>(Map.of("k", 2.5));
    LinkedHashMap<String, Object> source = new LinkedHashMap<>();
    source.put("s", "text");
    source.put("list", list);
    source.put("obj", inner);
    JsonObject json = JsonObject.of(source);

    source.put("added", 1);
    source.remove("s");
    list.add("more");
    list.set(0, 99);
    inner.put("k", "changed");

    assertThat(json).hasToString("{\"s\":\"text\",\"list\":[1,\"two\"],\"obj\":{\"k\":2.5}}");
  }

  @Test
  void membersRejectPutRemoveAndClear() {
    Map<String, JsonValue> members = JsonObject.of(Map.of("a", 1)).members().castToMap();

    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> members.put("b", JsonNull.INSTANCE));
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> members.remove("a"));
    assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(members::clear);
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> members.keySet().remove("a"));
  }

  @Test
  void membersRejectReplaceAll() {
    JsonObject json = JsonObject.of(Map.of("a", 1));
    Map<String, JsonValue> members = json.members().castToMap();

    assertThatExceptionOfType(UnsupportedOperationException.class)
        .describedAs("members().castToMap().replaceAll must not change a JsonObject")
        .isThrownBy(() -> members.replaceAll((key, value) -> JsonNull.INSTANCE));
    assertThat(json.get("a")).contains(JsonNumber.of(1));
  }

  @Test
  void membersRejectSetValueThroughTheEntrySet() {
    JsonObject json = JsonObject.of(Map.of("a", 1));
    Map.Entry<String, JsonValue> entry = json.members().castToMap().entrySet().iterator().next();

    assertThatExceptionOfType(UnsupportedOperationException.class)
        .describedAs("members().castToMap().entrySet() entries must not change a JsonObject")
        .isThrownBy(() -> entry.setValue(JsonNull.INSTANCE));
    assertThat(json.get("a")).contains(JsonNumber.of(1));
  }

  @Test
  void nonStringKeyIsRejected() {
    Map<String, Object> source = Map.of("outer", Map.of(1, "x"));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonObject.of(source))
        .withMessage("A JSON object key must be a string, not 1");
  }

  @Test
  void nonFiniteValueIsRejected() {
    Map<String, Object> source = Map.of("score", Map.of("inner", Float.POSITIVE_INFINITY));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonObject.of(source))
        .withMessage("A JSON number must be finite, not Infinity");
  }

  @Test
  void nullKeyIsRejected() {
    HashMap<Object, Object> source = new HashMap<>();
    source.put(null, "x");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonValue.of(source))
        .withMessage("A JSON object key must be a string, not null");
  }

  @Test
  void mapThatContainsItselfIsRejectedWithoutOverflowingTheStack() {
    HashMap<String, Object> source = new HashMap<>();
    source.put("self", source);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonObject.of(source))
        .withMessage("A map or list that contains itself cannot be JSON");
  }

  @Test
  void mapThatContainsItselfThroughAListIsRejected() {
    HashMap<String, Object> source = new HashMap<>();
    source.put("list", List.of(1, List.of(source)));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonObject.of(source))
        .withMessage("A map or list that contains itself cannot be JSON");
  }

  @Test
  void sameMapUnderTwoKeysIsNotACycle() {
    Map<String, Object> shared = Map.of("k", 1);
    LinkedHashMap<String, Object> source = new LinkedHashMap<>();
    source.put("first", shared);
    source.put("second", List.of(shared, shared));

    assertThat(JsonObject.of(source).toString())
        .isEqualTo("{\"first\":{\"k\":1},\"second\":[{\"k\":1},{\"k\":1}]}");
  }

  @Test
  @SuppressWarnings("JavaUtilDate") // a type JSON conversion must reject
  void unsupportedNestedValueIsRejected() {
    Map<String, Object> source = Map.of("when", List.of(new java.util.Date(0)));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> JsonObject.of(source))
        .withMessage("Cannot convert a java.util.Date to JSON");
  }

  /** As for numbers: objects that differ get different hash codes, not one shared constant. */
  @Test
  void differentObjectsHaveDifferentHashCodes() {
    assertThat(IntStream.range(0, 50).map(n -> JsonObject.of(Map.of("n", n)).hashCode()).distinct())
        .hasSize(50);
  }
}
