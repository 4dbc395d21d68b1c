package io.github.jobstore.json;

import io.github.jobstore.core.IterationStatus;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.PythonText;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.core.Violation;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobQuery;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.collections.api.set.ImmutableSet;

/**
 * Reads the query string of {@code GET /api/jobs/} and {@code GET /api/job-iterations/} into a
 * query, in the order the API's view reads it. DRF's {@code ListModelMixin.list} filters before it
 * paginates, so a bad filter wins over a bad page; the filter backends are taken to run in the
 * usual order: django-filter's {@code DjangoFilterBackend} (every bad filter reported at once, in
 * the order of the parameters below), then {@code SearchFilter}, then {@code OrderingFilter}. See
 * {@link JobJson#readJobQuery} for the rules; the sources read are Django REST framework 3.15.2
 * ({@code rest_framework/filters.py}, {@code pagination.py}, {@code mixins.py}) and django-filter
 * ({@code django_filters/filters.py}, {@code fields.py}, {@code rest_framework/backends.py}).
 */
final class ListParameters {

  /** The API's page size, which is also the most a {@code page_size} may ask for. */
  private static final int PAGE_SIZE = 100;

  private ListParameters() {}

  static JobQuery job(URI requestUri) {
    QueryString query = QueryString.of(requestUri);
    JobQuery.Builder builder = JobQuery.builder();
    Filters filters = new Filters(query);
    filters.uuid("project", builder::project);
    filters.uuid("agent", builder::agent);
    filters.choice("status", JobStatus.values(), JobStatus::wireValue, builder::status);
    filters.choice("job_type", JobType.values(), JobType::wireValue, builder::jobType);
    filters.text("analyzer_model", builder::analyzerModel);
    filters.text("data_source", builder::dataSource);
    filters.text("prompt_slug", builder::promptSlug);
    filters.dateTime("created_after", builder::createdAfter);
    filters.dateTime("created_before", builder::createdBefore);
    filters.number("score_min", builder::scoreMin);
    filters.number("score_max", builder::scoreMax);
    filters.checked();
    search(query).ifPresent(builder::search);
    ordering(query, JobQuery.orderingFields()).ifPresent(builder::ordering);
    return builder.page(page(query)).pageSize(pageSize(query)).build();
  }

  static IterationQuery iteration(URI requestUri) {
    QueryString query = QueryString.of(requestUri);
    IterationQuery.Builder builder = IterationQuery.builder();
    Filters filters = new Filters(query);
    filters.uuid("job", builder::job);
    filters.text("iteration_name", builder::iterationName);
    filters.choice("status", IterationStatus.values(), IterationStatus::wireValue, builder::status);
    filters.number("score_min", builder::scoreMin);
    filters.number("score_max", builder::scoreMax);
    filters.checked();
    search(query).ifPresent(builder::search);
    ordering(query, IterationQuery.orderingFields()).ifPresent(builder::ordering);
    return builder.page(page(query)).pageSize(pageSize(query)).build();
  }

  /**
   * DRF 3.15's {@code SearchFilter.get_search_terms} runs the term through a serializer {@code
   * CharField(trim_whitespace=False, allow_blank=True)}: an empty term is returned as it is, and
   * any other is checked by the field's validators, whose {@code ProhibitNullCharactersValidator}
   * rejects a NUL (DRF 3.14 and earlier removed NULs instead; 3.15 does not). Its {@code
   * ProhibitSurrogateCharactersValidator} cannot fire: a decoded query holds no lone surrogate.
   */
  private static Optional<String> search(QueryString query) {
    Optional<String> term = query.get("search").filter(s -> !s.isEmpty());
    if (term.filter(s -> s.indexOf('\0') >= 0).isPresent()) {
      throw new ValidationException(List.of(Violation.nullCharacters("search")));
    }
    return term;
  }

  /**
   * DRF's {@code OrderingFilter.get_ordering}: {@code [param.strip() for param in
   * params.split(',')]}, then {@code remove_invalid_fields} drops each part that, after removing
   * one leading {@code -}, names no field; nothing left means the default (empty here, so the
   * builder keeps its default).
   */
  private static Optional<String> ordering(QueryString query, ImmutableSet<String> fields) {
    List<String> valid = new ArrayList<>();
    for (String part : query.get("ordering").orElse("").split(",", -1)) {
      String term = PythonText.strip(part);
      if (fields.contains(term.startsWith("-") ? term.substring(1) : term)) {
        valid.add(term);
      }
    }
    return valid.isEmpty() ? Optional.empty() : Optional.of(String.join(",", valid));
  }

  /**
   * DRF's {@code PageNumberPagination.get_page_number} and Django's {@code
   * Paginator.validate_number}: absent or empty is page 1; otherwise Python's {@code int()} must
   * read a positive integer. A page beyond {@code int} is past any last page. DRF's {@code
   * page=last} is not read: a query holds a page number, and the last one depends on the store (a
   * documented deviation).
   *
   * @throws InvalidPageException otherwise
   */
  private static int page(QueryString query) {
    String text = query.get("page").orElse("");
    if (text.isEmpty()) {
      return 1;
    }
    BigInteger page = PythonInt.parse(text, 10);
    if (page == null || page.signum() <= 0 || page.bitLength() > 31) {
      throw new InvalidPageException();
    }
    return page.intValueExact();
  }

  /**
   * DRF's {@code _positive_int(strict=True, cutoff=100)}: a positive integer as Python's {@code
   * int()} reads it, at most 100; anything else (absent, empty, zero, negative, not an integer) is
   * the default, 100.
   */
  private static int pageSize(QueryString query) {
    BigInteger size = PythonInt.parse(query.get("page_size").orElse(""), 10);
    if (size == null || size.signum() <= 0) {
      return PAGE_SIZE;
    }
    return size.min(BigInteger.valueOf(PAGE_SIZE)).intValueExact();
  }
}
