package io.github.jobstore.json;

import java.math.BigInteger;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code uuid.UUID(hex)}, which Django's {@code forms.UUIDField} calls: every {@code urn:}
 * and then every {@code uuid:} removed, braces stripped from both ends, every hyphen removed; what
 * is left must be 32 characters that Python's {@code int(_, 16)} reads as a value below 2^128. So
 * {@code {...}}, {@code urn:uuid:...}, hyphens anywhere and any case are accepted, as are the
 * oddities {@code int} allows: a {@code +} sign, a {@code 0x} prefix, underscores between digits,
 * Unicode decimal digits, inner white space at the ends.
 */
final class PythonUuid {

  private PythonUuid() {}

  /** The UUID {@code text} denotes; null where Python raises {@code ValueError}. */
  static @Nullable UUID parse(String text) {
    String hex = stripBraces(text.replace("urn:", "").replace("uuid:", "")).replace("-", "");
    if (hex.codePointCount(0, hex.length()) != 32) {
      return null;
    }
    BigInteger value = PythonInt.parse(hex, 16);
    // Python also checks 0 <= value < 2^128, which 32 characters without a minus sign (the hyphens
    // are gone) always satisfy: at most 32 hex digits.
    return value == null ? null : new UUID(value.shiftRight(64).longValue(), value.longValue());
  }

  /** Python's {@code s.strip('{}')}. */
  private static String stripBraces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isBrace(s.charAt(start))) {
      start++;
    }
    while (end > start && isBrace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isBrace(char c) {
    return c == '{' || c == '}';
  }
}
