package io.github.jobstore.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Python's {@code len}, {@code str.isspace()} and {@code str.strip()}, as the API applies them. */
class PythonTextTest {

  @ParameterizedTest
  @ValueSource(
      chars = {
        ' ', '\t', '\n', '\u000B', '\u001C', '\u0085', '\u00A0', '\u2007', '\u202F', '\u3000'
      })
  void pythonWhiteSpaceIsWhiteSpace(char c) {
    assertThat(PythonText.isWhitespace(c)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(chars = {'a', '\u200B', '\uFEFF', '\u0000', '\uD801'})
  void zeroWidthSpacesControlsAndSurrogatesAreNot(char c) {
    assertThat(PythonText.isWhitespace(c)).isFalse();
  }

  @Test
  void stripRemovesWhiteSpaceJavaStripKeeps() {
    assertThat(PythonText.strip("\u00A0 gpt-4o\u0085")).isEqualTo("gpt-4o");
    assertThat("\u00A0 gpt-4o\u0085".strip()).isNotEqualTo("gpt-4o");
    assertThat(PythonText.strip("a b")).isEqualTo("a b");
    assertThat(PythonText.strip("\u2003")).isEmpty();
  }

  @Test
  void blankMeansNothingLeftAfterStrip() {
    assertThat(PythonText.isBlank("")).isTrue();
    assertThat(PythonText.isBlank("\u00A0\u2003\t")).isTrue();
    assertThat(PythonText.isBlank("\u00A0x")).isFalse();
    assertThat(PythonText.isBlank("\u200B")).isFalse();
  }

  @Test
  void lengthCountsCodePoints() {
    assertThat(PythonText.length("\uD801\uDC00a")).isEqualTo(2);
    assertThat(PythonText.length("")).isZero();
  }
}
