package io.github.jobstore.json;

import io.github.jobstore.core.PythonText;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The filters of a django-filter {@code FilterSet}, read from a query string one parameter at a
 * time: each hands its value to a builder's setter, or records django-filter's message for it under
 * the parameter's name. An absent or empty value sets nothing, as django-filter skips a value its
 * form field cleans to empty: for UUIDs and text, which Django's {@code CharField} strips, white
 * space alone is empty too; for choices, times and numbers it is a bad value. {@link #checked()}
 * then throws every violation at once, as {@code FilterSet.is_valid()} reports the form's errors.
 * Not thread-safe; one per read.
 */
final class Filters {

  private final QueryString query;
  private final List<Violation> violations = new ArrayList<>(0);

  Filters(QueryString query) {
    this.query = query;
  }

  /**
   * Django's {@code forms.UUIDField}: stripped ({@code str.strip()}), then read by Python's {@code
   * uuid.UUID}; otherwise {@code Enter a valid UUID.}.
   */
  void uuid(String name, Consumer<UUID> setter) {
    stripped(name)
        .ifPresent(
            text -> {
              UUID uuid = PythonUuid.parse(text);
              if (uuid == null) {
                violations.add(Violation.enterAValidUuid(name));
              } else {
                setter.accept(uuid);
              }
            });
  }

  /**
   * django-filter's {@code ChoiceField}: the value as it is (not stripped) must be one of the wire
   * values exactly; otherwise {@code Select a valid choice. <value> is not one of the available
   * choices.}.
   */
  <E> void choice(String name, E[] choices, Function<E, String> wireValue, Consumer<E> setter) {
    Optional<String> value = query.get(name).filter(text -> !text.isEmpty());
    if (value.isEmpty()) {
      return;
    }
    for (E choice : choices) {
      if (wireValue.apply(choice).equals(value.get())) {
        setter.accept(choice);
        return;
      }
    }
    violations.add(Violation.selectAValidChoice(name, value.get()));
  }

  /**
   * Django's {@code forms.CharField}: stripped, then a NUL character is {@code Null characters are
   * not allowed.}; the stripped text is matched exactly.
   */
  void text(String name, Consumer<String> setter) {
    stripped(name)
        .ifPresent(
            text -> {
              if (text.indexOf('\0') >= 0) {
                violations.add(Violation.nullCharacters(name));
              } else {
                setter.accept(text);
              }
            });
  }

  /**
   * django-filter's {@code IsoDateTimeField}, as {@link DjangoDateTime} reads it; otherwise {@code
   * Enter a valid date/time.}.
   */
  void dateTime(String name, Consumer<Instant> setter) {
    query
        .get(name)
        .filter(text -> !text.isEmpty())
        .ifPresent(
            text -> {
              Instant instant = DjangoDateTime.parse(text);
              if (instant == null) {
                violations.add(Violation.enterAValidDateTime(name));
              } else {
                setter.accept(instant);
              }
            });
  }

  /**
   * django-filter's {@code NumberFilter}, as {@link DjangoDecimal} reads it and words its faults.
   */
  void number(String name, Consumer<Double> setter) {
    query
        .get(name)
        .filter(text -> !text.isEmpty())
        .ifPresent(text -> DjangoDecimal.read(text, name, violations).ifPresent(setter));
  }

  /**
   * @throws ValidationException listing every violation recorded, if any
   */
  void checked() {
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /** The value stripped, unless absent or empty once stripped (Django's {@code CharField}). */
  private Optional<String> stripped(String name) {
    return query.get(name).map(PythonText::strip).filter(text -> !text.isEmpty());
  }
}
