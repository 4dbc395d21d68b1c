package io.github.jobstore.testkit;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.JsonArray;
import io.github.jobstore.core.JsonBoolean;
import io.github.jobstore.core.JsonNull;
import io.github.jobstore.core.JsonNumber;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.JsonString;
import io.github.jobstore.core.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JsonPropertiesTest {

  private static final int CASES = 1_000;

  @Test
  void objectsAreEqualWhateverTheOrderOfTheirKeys() {
    Property.forAll(
        CASES,
        JsonGenerators.objects(),
        object -> {
          JsonValue reordered = reorder(object);
          assertThat(reordered).isEqualTo(object);
          assertThat(reordered.hashCode()).isEqualTo(object.hashCode());
        });
  }

  @Test
  void valuesAreEqualToTheirPlainJavaCopies() {
    Property.forAll(
        CASES,
        JsonGenerators.values(),
        value -> {
          JsonValue copy = JsonValue.of(toJava(value));
          assertThat(copy).isEqualTo(value).hasSameHashCodeAs(value);
          assertThat(copy.toString()).isEqualTo(value.toString());
        });
  }

  @Test
  void numbersAreEqualByValueWhateverTheirScale() {
    Property.forAll(
        CASES,
        JsonGenerators.numbers(),
        number -> {
          JsonNumber rescaled = new JsonNumber(number.value().setScale(number.value().scale() + 3));
          assertThat(rescaled).isEqualTo(number).hasSameHashCodeAs(number);
          assertThat(new JsonNumber(number.value().add(BigDecimal.ONE))).isNotEqualTo(number);
        });
  }

  @Test
  void anObjectDoesNotChangeWhenItsSourceMapsAndListsDo() {
    Property.forAll(
        CASES,
        JsonGenerators.objects(),
        object -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> source = (Map<String, Object>) requireNonNull(toJava(object));
          JsonObject built = JsonObject.of(source);
          String before = built.toString();
          vandalize(source);
          assertThat(built.toString()).isEqualTo(before);
          assertThat(built).isEqualTo(object);
        });
  }

  @Test
  void noObjectCanBeChangedThroughItsAccessors() {
    Property.forAll(
        CASES,
        JsonGenerators.objects(),
        object -> {
          assertThatThrownBy(() -> object.members().castToMap().put("k", JsonNull.INSTANCE))
              .isInstanceOf(UnsupportedOperationException.class);
          object.members().forEachValue(JsonPropertiesTest::assertUnmodifiable);
        });
  }

  private static void assertUnmodifiable(JsonValue value) {
    if (value instanceof JsonArray array) {
      assertThatThrownBy(() -> array.elements().castToList().add(JsonNull.INSTANCE))
          .isInstanceOf(UnsupportedOperationException.class);
      array.elements().forEach(JsonPropertiesTest::assertUnmodifiable);
    } else if (value instanceof JsonObject object) {
      assertThatThrownBy(() -> object.members().castToMap().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      object.members().forEachValue(JsonPropertiesTest::assertUnmodifiable);
    }
  }

  /** The same value with every object's keys in reverse order. */
  private static JsonValue reorder(JsonValue value) {
    if (value instanceof JsonObject object) {
      List<String> keys = new ArrayList<>(object.keys().castToList());
      Collections.reverse(keys);
      Map<String, JsonValue> reversed = new LinkedHashMap<>();
      keys.forEach(key -> reversed.put(key, reorder(object.get(key).orElseThrow())));
      return JsonObject.of(reversed);
    } else if (value instanceof JsonArray array) {
      return JsonArray.of(array.elements().collect(JsonPropertiesTest::reorder).castToList());
    }
    return value;
  }

  /** The value as mutable plain Java maps, lists, strings, numbers, booleans and nulls. */
  private static @Nullable Object toJava(JsonValue value) {
    if (value instanceof JsonObject object) {
      Map<String, Object> map = new LinkedHashMap<>();
      object.keys().forEach(key -> map.put(key, toJava(object.get(key).orElseThrow())));
      return map;
    } else if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>();
      array.elements().forEach(element -> list.add(toJava(element)));
      return list;
    } else if (value instanceof JsonString s) {
      return s.value();
    } else if (value instanceof JsonNumber n) {
      return n.value();
    } else if (value instanceof JsonBoolean b) {
      return b.value();
    }
    return null;
  }

  /** Changes every map and list reachable from {@code source}. */
  @SuppressWarnings("unchecked")
  private static void vandalize(@Nullable Object source) {
    if (source instanceof Map<?, ?> map) {
      for (Object member : map.values()) {
        vandalize(member);
      }
      ((Map<String, Object>) map).put("vandal", "was here");
    } else if (source instanceof List<?> list) {
      for (Object element : list) {
        vandalize(element);
      }
      ((List<Object>) list).add("vandal");
    }
  }
}
