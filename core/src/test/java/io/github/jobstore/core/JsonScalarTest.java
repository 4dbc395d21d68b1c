package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scalar JSON values: {@link JsonString}, {@link JsonBoolean} and {@link JsonNull}. */
class JsonScalarTest {

  @Test
  void jsonStringKeepsItsValueExactly() {
    String text = "  a\u0000b\u2028" + Fixtures.EMOJI;

    assertThat(new JsonString(text).value()).isEqualTo(text);
  }

  @Test
  void jsonStringsAreEqualByValue() {
    assertThat(new JsonString("a"))
        .isEqualTo(new JsonString("a"))
        .hasSameHashCodeAs(new JsonString("a"))
        .isNotEqualTo(new JsonString("A"));
  }

  @Test
  void jsonBooleanOfReturnsTheMatchingConstant() {
    assertThat(JsonBoolean.of(true)).isSameAs(JsonBoolean.TRUE);
    assertThat(JsonBoolean.of(false)).isSameAs(JsonBoolean.FALSE);
  }

  @Test
  void jsonBooleanValueIsItsJavaBoolean() {
    assertThat(JsonBoolean.TRUE.value()).isTrue();
    assertThat(JsonBoolean.FALSE.value()).isFalse();
  }

  @Test
  void differentKindsWithTheSameTextAreNotEqual() {
    assertThat(new JsonString("true")).isNotEqualTo(JsonBoolean.TRUE);
    assertThat(new JsonString("1")).isNotEqualTo(JsonNumber.of(1));
    assertThat(new JsonString("null")).isNotEqualTo(JsonNull.INSTANCE);
    assertThat(JsonArray.empty()).isNotEqualTo(JsonObject.empty());
  }
}
