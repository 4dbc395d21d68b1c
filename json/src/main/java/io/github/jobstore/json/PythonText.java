package io.github.jobstore.json;

/**
 * Python's {@code str.strip()}, which Django REST framework's {@code CharField} applies to every
 * string of a request body ({@code trim_whitespace=True}). White space is what {@code
 * str.isspace()} calls white space, the rule {@code jobstore-core} checks blankness with.
 */
final class PythonText {

  private PythonText() {}

  /** {@code s} without the white space at either end, as Python's {@code s.strip()}. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * Python's {@code str.isspace()} for one character: bidirectional class WS, B or S, or category
   * Zs. Every such character is in the Basic Multilingual Plane, so a {@code char} suffices (and a
   * surrogate never matches). {@link Character#isWhitespace} misses the no-break spaces (U+00A0,
   * U+2007, U+202F) and U+0085; {@link Character#isSpaceChar} misses the ASCII controls; together
   * with U+0085 they match Python exactly.
   */
  static boolean isWhitespace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
