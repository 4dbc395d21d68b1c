package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code toString()} of every JSON value renders compact JSON text. */
class JsonRenderingTest {

  @Test
  void scalarsRenderAsJsonLiterals() {
    assertThat(JsonNull.INSTANCE).hasToString("null");
    assertThat(JsonBoolean.TRUE).hasToString("true");
    assertThat(JsonBoolean.FALSE).hasToString("false");
    assertThat(new JsonString("a")).hasToString("\"a\"");
    assertThat(JsonNumber.of(-42)).hasToString("-42");
  }

  @Test
  void numberRendersWithItsScale() {
    assertThat(new JsonNumber(new BigDecimal("1.50"))).hasToString("1.50");
  }

  @Test
  void emptyContainersRenderAsBraces() {
    assertThat(JsonObject.empty()).hasToString("{}");
    assertThat(JsonArray.empty()).hasToString("[]");
  }

  @Test
  void nestedValuesRenderCompactlyInKeyOrder() {
    LinkedHashMap<String, Object> source = new LinkedHashMap<>();
    source.put("b", Arrays.asList(1, "x", true, null));
    source.put("a", Map.of("k", 2.5));

    assertThat(JsonObject.of(source)).hasToString("{\"b\":[1,\"x\",true,null],\"a\":{\"k\":2.5}}");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "a\"b   | \"a\\\"b\"",
        "a\\b   | \"a\\\\b\"",
        "`a\nb` | \"a\\nb\"",
        "`a\rb` | \"a\\rb\"",
        "`a\tb` | \"a\\tb\"",
        "/\u00e9\u2028 | \"/\u00e9\u2028\""
      })
  void stringsAreEscaped(String value, String rendered) {
    assertThat(new JsonString(value)).hasToString(rendered);
  }

  @Test
  void otherControlCharactersAreUnicodeEscaped() {
    assertThat(new JsonString("\u0000\u0001\u0008\u0010\u0019"))
        .hasToString("\"\\u0000\\u0001\\u0008\\u0010\\u0019\"");
  }

  @Test
  void keysAreEscapedLikeStrings() {
    assertThat(JsonObject.of(Map.of("say \"hi\"\n", List.of())))
        .hasToString("{\"say \\\"hi\\\"\\n\":[]}");
  }

  @Test
  void astralCharactersAreKeptAsIs() {
    assertThat(new JsonString(Fixtures.EMOJI)).hasToString("\"" + Fixtures.EMOJI + "\"");
  }
}
