package io.github.jobstore.json;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import org.jspecify.annotations.Nullable;

/**
 * Python 3.11's {@code datetime.fromisoformat} as CPython's C implementation reads a string, giving
 * an instant; a value without an offset is taken to be in UTC. The date is {@code YYYY-MM-DD},
 * {@code YYYYMMDD}, or an ISO week date ({@code YYYY-Www}, {@code YYYY-Www-D}, {@code YYYYWww},
 * {@code YYYYWwwD}; day 1 when absent), year 1 to 9999, ASCII digits only; alone it means midnight.
 * Any one character may follow it, then a time: {@code HH[:MM[:SS]]} or {@code HH[MM[SS]]}, an
 * optional fraction ({@code .} or {@code ,}, 6 digits kept, more dropped), then optionally {@code
 * Z} (last) or a {@code +}/{@code -} offset written as a time, under 24 hours. CPython's quirks are
 * kept, as a differential run against it showed them: {@code 03.5} is {@code 03:00:00.5}, a third
 * {@code :} reads as the fraction's point ({@code 03:04:05:06} is {@code 03:04:05.06}), and a point
 * with no digits may precede an offset. {@code 24:00} is invalid. Nothing else is accepted.
 */
final class IsoFormat {

  /** What C reads past the end of a string: its terminating NUL. */
  private static final int END = 0;

  private final int[] text;

  private IsoFormat(int[] text) {
    this.text = text;
  }

  /** The instant {@code s} denotes, or null where Python raises {@code ValueError}. */
  static @Nullable Instant parse(String s) {
    try {
      return new IsoFormat(s.codePoints().toArray()).read();
    } catch (DateTimeException | Invalid e) {
      return null;
    }
  }

  private Instant read() {
    int length = text.length;
    if (length < 7) {
      throw new Invalid();
    }
    int separator = separator();
    LocalDate date = date(separator);
    if (length <= separator) {
      return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    return time(date, separator + 1);
  }

  /** CPython's {@code _find_isoformat_datetime_separator}: where the date ends. */
  private int separator() {
    int length = text.length;
    if (length == 7) {
      return 7;
    }
    if (at(4) == '-') {
      if (at(5) != 'W') {
        return 10;
      }
      if (length > 8 && at(8) == '-') {
        if (length == 9) {
          throw new Invalid();
        }
        return length > 10 && isDigit(at(10)) ? 8 : 10;
      }
      return 8;
    }
    if (at(4) == 'W') {
      int index = 7;
      while (index < length && isDigit(at(index))) {
        index++;
      }
      if (index < 9) {
        return index;
      }
      return index % 2 == 0 ? 7 : 8;
    }
    return 8;
  }

  /** The date in {@code text[0, end)}: 7, 8 or 10 characters. */
  private LocalDate date(int end) {
    if (end != 7 && end != 8 && end != 10 || end > text.length) {
      throw new Invalid();
    }
    int year = digits(0, 4);
    if (year < 1) {
      throw new Invalid();
    }
    boolean dashes = at(4) == '-';
    int position = dashes ? 5 : 4;
    if (at(position) == 'W') {
      int week = digits(position + 1, 2);
      position += 3;
      int day = 1;
      if (position < end) {
        if ((at(position) == '-') != dashes) {
          throw new Invalid();
        }
        position += dashes ? 1 : 0;
        day = digits(position, 1);
        position++;
      }
      requireEnd(position, end);
      return weekDate(year, week, day);
    }
    int month = digits(position, 2);
    position += 2;
    if ((at(position) == '-') != dashes) {
      throw new Invalid();
    }
    position += dashes ? 1 : 0;
    int day = digits(position, 2);
    requireEnd(position + 2, end);
    return LocalDate.of(year, month, day);
  }

  private static LocalDate weekDate(int year, int week, int day) {
    if (week < 1 || day < 1 || day > 7) {
      throw new Invalid();
    }
    LocalDate monday = LocalDate.of(year, 1, 4).with(DayOfWeek.MONDAY);
    LocalDate date = monday.plusWeeks(week - 1L).plusDays(day - 1L);
    if (date.getYear() > 9999 || (week > 52 && date.get(IsoFields.WEEK_BASED_YEAR) != year)) {
      throw new Invalid();
    }
    return date;
  }

  /** The time from {@code start}, with its offset, on {@code date}. */
  private Instant time(LocalDate date, int start) {
    int zone = start;
    while (zone < text.length && at(zone) != 'Z' && at(zone) != '+' && at(zone) != '-') {
      zone++;
    }
    long[] time = new long[4];
    boolean stoppedEarly = clock(start, zone, time);
    Instant local =
        date.atTime(LocalTime.of((int) time[0], (int) time[1], (int) time[2], (int) time[3] * 1000))
            .toInstant(ZoneOffset.UTC);
    if (zone == text.length) {
      if (stoppedEarly) {
        throw new Invalid();
      }
      return local;
    }
    if (at(zone) == 'Z') {
      if (zone + 1 != text.length && at(zone + 1) != END) {
        throw new Invalid();
      }
      return local;
    }
    long[] offset = new long[4];
    if (clock(zone + 1, text.length, offset)) {
      throw new Invalid();
    }
    long micros = ((offset[0] * 60 + offset[1]) * 60 + offset[2]) * 1_000_000 + offset[3];
    if (micros >= 86_400_000_000L) {
      throw new Invalid();
    }
    return local.minus(at(zone) == '-' ? -micros : micros, ChronoUnit.MICROS);
  }

  /**
   * CPython's {@code parse_hh_mm_ss_ff} over {@code text[start, end)} into hours, minutes, seconds
   * and microseconds; true when it stopped before the end (a character other than the string's end
   * follows).
   */
  private boolean clock(int start, int end, long[] into) {
    int p = start;
    boolean separators = true;
    for (int i = 0; i < 3; i++) {
      into[i] = digits(p, 2);
      p += 2;
      int c = at(p);
      p++;
      if (i == 0) {
        separators = c == ':';
      }
      if (p >= end) {
        return c != END;
      } else if (separators && c == ':') {
        continue;
      } else if (c == '.' || c == ',') {
        break;
      } else if (!separators) {
        p--;
      } else {
        throw new Invalid();
      }
    }
    int toParse = Math.min(end - p, 6);
    into[3] = digits(p, toParse) * (long) Math.pow(10, 6 - toParse);
    p += toParse;
    while (isDigit(at(p))) {
      p++;
    }
    return at(p) != END;
  }

  private int digits(int start, int count) {
    if (count < 1) {
      throw new Invalid();
    }
    int value = 0;
    for (int i = start; i < start + count; i++) {
      if (!isDigit(at(i))) {
        throw new Invalid();
      }
      value = value * 10 + at(i) - '0';
    }
    return value;
  }

  private void requireEnd(int position, int end) {
    if (position != end) {
      throw new Invalid();
    }
  }

  /** The code point at {@code i}, or C's terminating NUL past the end. */
  private int at(int i) {
    return i < text.length ? text[i] : END;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** Python's {@code ValueError}. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid() {
      super(null, null, false, false);
    }
  }
}
