package io.github.jobstore.json;

import io.github.jobstore.core.PythonText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * django-filter's {@code IsoDateTimeField}: the value stripped ({@code str.strip()}) and read by
 * Django's {@code parse_datetime}, which tries Python's {@code datetime.fromisoformat} (as CPython
 * 3.11 reads it, see {@link IsoFormat}) and then Django's own pattern ({@link #DJANGO}). A time
 * without an offset is in UTC, the server's time zone. Anything else, and a date or time out of
 * range, is {@code null} ({@code Enter a valid date/time.}).
 */
final class DjangoDateTime {

  /**
   * Django's {@code datetime_re}: {@code YYYY-M-D}, {@code T} or a space, {@code h:m}, optional
   * {@code :s} with an optional fraction ({@code .} or {@code ,}, up to 6 digits kept and 6 more
   * dropped), optional white space, optional {@code Z} or {@code ±HH[[:]MM]}. Python's {@code \d}
   * and {@code \s} are Unicode's: here {@code \d} is category Nd and {@code \s} white space as
   * {@code str.isspace()} says.
   */
  private static final Pattern DJANGO =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{1,2})"
              + "(?::(\\d{1,2})(?:[.,](\\d{1,6})\\d{0,6})?)?"
              + "[\\s\\x1c-\\x1f]*(Z|[+-]\\d{2}(?::?\\d{2})?)?",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private DjangoDateTime() {}

  /** The instant {@code value} denotes, or null where the form field says it is invalid. */
  static @Nullable Instant parse(String value) {
    String text = PythonText.strip(value);
    Instant instant = IsoFormat.parse(text);
    return instant != null ? instant : django(text);
  }

  private static @Nullable Instant django(String text) {
    Matcher m = DJANGO.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(
              number(m.group(1)),
              number(m.group(2)),
              number(m.group(3)),
              number(m.group(4)),
              number(m.group(5)),
              m.group(6) == null ? 0 : number(m.group(6)),
              m.group(7) == null ? 0 : number((m.group(7) + "00000").substring(0, 6)) * 1000);
      if (local.getYear() < 1) {
        return null;
      }
      return local.toInstant(ZoneOffset.UTC).minus(offsetMinutes(m.group(8)), ChronoUnit.MINUTES);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Django's reading of the offset: {@code Z} or none is 0; else sign, hours and (any two digits)
   * minutes, which Python's {@code timezone} requires to be under 24 hours.
   */
  private static long offsetMinutes(@Nullable String offset) {
    if (offset == null || offset.equals("Z")) {
      return 0;
    }
    long minutes =
        60L * number(offset.substring(1, 3))
            + (offset.length() > 3 ? number(offset.substring(offset.length() - 2)) : 0);
    if (minutes * 60_000_000L >= MICROS_PER_DAY) {
      throw new DateTimeException("offset out of range");
    }
    return offset.charAt(0) == '-' ? -minutes : minutes;
  }

  /** Python's {@code int()} of a short run of Unicode decimal digits. */
  private static int number(String digits) {
    return digits.codePoints().reduce(0, (value, digit) -> value * 10 + Character.digit(digit, 10));
  }
}
