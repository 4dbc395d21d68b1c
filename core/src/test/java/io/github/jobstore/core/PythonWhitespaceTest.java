package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The characters treated as white space are exactly those of Python's {@code str.isspace()}, which
 * the API's {@code str.strip()} removes before its blank check.
 */
class PythonWhitespaceTest {

  /** Python 3's {@code str.isspace()} set: every one is in the Basic Multilingual Plane. */
  private static final List<Integer> PYTHON_WHITESPACE =
      IntStream.of(
              0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000,
              0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
              0x2028, 0x2029, 0x202f, 0x205f, 0x3000)
          .boxed()
          .toList();

  @Test
  void oneCharDataSourceIsBlankExactlyWhenPythonCallsTheCharWhitespace() {
    List<Integer> blank = new ArrayList<>();
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      String value = String.valueOf((char) c);
      Throwable thrown = catchThrowable(() -> JobCreateParams.builder().dataSource(value).build());
      if (thrown != null) {
        assertThat(thrown)
            .as("U+%04X", c)
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("data_source")
            .hasMessageContaining("This field may not be blank.");
        blank.add(c);
      }
    }

    assertThat(blank).containsExactlyElementsOf(PYTHON_WHITESPACE);
  }
}
