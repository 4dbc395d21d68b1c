package io.github.jobstore.json;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The API's pagination links: the request's URI with its {@code page} parameter set (and, for page
 * 1, removed), the query's parameters sorted by name and the fragment dropped, as Django REST
 * framework writes them. Parameters stay encoded as they were.
 */
final class PageLinks {

  private PageLinks() {}

  static URI withPage(URI request, int page) {
    List<String> parameters = new ArrayList<>();
    String query = request.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String parameter : query.split("&")) {
        if (!parameter.isEmpty() && !name(parameter).equals("page")) {
          parameters.add(parameter);
        }
      }
    }
    if (page > 1) {
      parameters.add("page=" + page);
    }
    parameters.sort(Comparator.comparing(PageLinks::name));
    StringBuilder link = new StringBuilder();
    if (request.getScheme() != null) {
      link.append(request.getScheme()).append(':');
    }
    if (request.getRawAuthority() != null) {
      link.append("//").append(request.getRawAuthority());
    }
    if (request.getRawPath() != null) {
      link.append(request.getRawPath());
    }
    if (!parameters.isEmpty()) {
      link.append('?').append(String.join("&", parameters));
    }
    return URI.create(link.toString());
  }

  private static String name(String parameter) {
    int equals = parameter.indexOf('=');
    return equals < 0 ? parameter : parameter.substring(0, equals);
  }
}
