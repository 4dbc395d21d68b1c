package io.github.jobstore.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A query string is read as Django's {@code QueryDict} reads it, through Python's {@code
 * parse_qsl(keep_blank_values=True)}; each expectation was checked against CPython 3.11.
 */
class QueryStringTest {

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("a=1&b=2", Map.of("a", "1", "b", "2")),
        Arguments.of("a=1&a=2", Map.of("a", "2")),
        Arguments.of("a", Map.of("a", "")),
        Arguments.of("a=", Map.of("a", "")),
        Arguments.of("=x", Map.of("", "x")),
        Arguments.of("a=b=c", Map.of("a", "b=c")),
        Arguments.of("&&a=1&&", Map.of("a", "1")),
        Arguments.of("a=1;b=2", Map.of("a", "1;b=2")),
        Arguments.of("a=x+y%20z", Map.of("a", "x y z")),
        Arguments.of("a=%2B%26%3D", Map.of("a", "+&=")),
        Arguments.of("a%5Fb=1", Map.of("a_b", "1")),
        Arguments.of("a=%c3%A9", Map.of("a", "\u00e9")),
        Arguments.of("a=\u00e9", Map.of("a", "\u00e9")),
        Arguments.of("a=%zz%4%", Map.of("a", "%zz%4%")),
        Arguments.of("a=%%41", Map.of("a", "%A")),
        Arguments.of("a=%4", Map.of("a", "%4")),
        Arguments.of("a=%4g", Map.of("a", "%4g")),
        Arguments.of("a=b%", Map.of("a", "b%")),
        Arguments.of("a=%41\u0080", Map.of("a", "A\u0080")),
        Arguments.of("a=%ff", Map.of("a", "\ufffd")),
        Arguments.of("a=%e2%82", Map.of("a", "\ufffd")),
        Arguments.of("a=%c3\u00e9%a9", Map.of("a", "\ufffd\u00e9\ufffd")),
        Arguments.of("a=%00", Map.of("a", "\0")),
        Arguments.of("a=\ud800", Map.of("a", "?")));
  }

  @ParameterizedTest
  @MethodSource("queries")
  void aQueryIsReadAsDjangosQueryDict(String rawQuery, Map<String, String> expected) {
    assertThat(QueryString.parse(rawQuery).asMap()).isEqualTo(expected);
  }

  @Test
  void aUriWithoutAQueryHasNoParameters() {
    assertThat(QueryString.of(URI.create("http://h/api/jobs/")).asMap()).isEmpty();
    assertThat(QueryString.of(URI.create("http://h/api/jobs/?")).asMap()).isEmpty();
  }

  @Test
  void theRawQueryIsReadSoAnEncodedAmpersandStaysInItsValue() {
    assertThat(QueryString.of(URI.create("/api/jobs/?search=a%26b%3Dc&x=1#search=no")).asMap())
        .isEqualTo(Map.of("search", "a&b=c", "x", "1"));
  }
}
