package io.github.jobstore.json;

import io.github.jobstore.core.PythonText;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code int(s, base)} for base 10 and 16, as CPython reads a string: white space at
 * either end (what {@code str.isspace()} calls white space), an optional sign, for base 16 an
 * optional {@code 0x} prefix (one underscore may follow it), then digits with single underscores
 * between them. Any Unicode decimal digit (category Nd) counts as its ASCII digit, as CPython's
 * {@code _PyUnicode_TransformDecimalAndSpaceToASCII} makes it. A base-10 string of more than 4,300
 * digits is refused, as CPython 3.11 and later refuse it.
 */
final class PythonInt {

  /** CPython's default {@code sys.get_int_max_str_digits()}. */
  static final int MAX_DECIMAL_DIGITS = 4300;

  private PythonInt() {}

  /** The integer {@code s} denotes in {@code base} (10 or 16); null where Python raises. */
  static @Nullable BigInteger parse(String s, int base) {
    String text = PythonText.strip(s);
    int i = 0;
    boolean negative = false;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    if (base == 16 && hasHexPrefix(text, i)) {
      i += Character.charCount(text.codePointAt(i)) + 1;
      if (i < text.length() && text.charAt(i) == '_') {
        i++;
      }
    }
    StringBuilder digits = new StringBuilder(text.length() - i);
    boolean afterDigit = false;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '_' && afterDigit) {
        afterDigit = false;
        continue;
      }
      int digit = digit(c, base);
      if (digit < 0) {
        return null;
      }
      digits.append(Character.forDigit(digit, base));
      afterDigit = true;
    }
    if (!afterDigit || (base == 10 && digits.length() > MAX_DECIMAL_DIGITS)) {
      return null;
    }
    BigInteger value = new BigInteger(digits.toString(), base);
    return negative ? value.negate() : value;
  }

  /** {@code 0x} or {@code 0X} at {@code i}, the zero any decimal zero, as CPython reads it. */
  private static boolean hasHexPrefix(String text, int i) {
    if (i >= text.length() || digit(text.codePointAt(i), 10) != 0) {
      return false;
    }
    int x = i + Character.charCount(text.codePointAt(i));
    return x < text.length() && (text.charAt(x) == 'x' || text.charAt(x) == 'X');
  }

  /** A digit's value in {@code base}: ASCII digits and letters, or any Unicode decimal digit. */
  static int digit(int c, int base) {
    if (c < 0x80) {
      return Character.digit(c, base);
    }
    return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(c, 10) : -1;
  }
}
