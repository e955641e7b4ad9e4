package org.safebed.console.housing;

import java.util.List;

/** One reason in plain words: a message key and its arguments, put into words by the page. */
public record Reason(String key, List<Object> args) {

  static Reason of(String key, Object... args) {
    return new Reason(key, List.of(args));
  }

  /** For Thymeleaf's {@code #{${key}(${args})}}. */
  public Object[] arguments() {
    return args.toArray();
  }
}
