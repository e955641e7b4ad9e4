package org.safebed.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times as the person reads them: in her language and the console's zone. */
public final class Times {

  private final DateTimeFormatter clock;
  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter date;
  private final Clock now;

  Times(Locale locale, ZoneId zone, Clock now) {
    this.clock = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
    this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    this.now = now;
  }

  /** "7 déc. 2026": a calendar day (a move-in, a unit's availability), no zone involved. */
  public String date(LocalDate day) {
    return day == null ? "" : date.format(day);
  }

  /** "14:05" */
  public String clock(Instant instant) {
    return instant == null ? "" : clock.format(instant);
  }

  /** "07/12/2026 14:05" in the locale's own order */
  public String dateTime(Instant instant) {
    return instant == null ? "" : dateTime.format(instant);
  }

  /** Whole minutes from now until then, never negative. */
  public long minutesUntil(Instant instant) {
    return instant == null ? 0 : Math.max(0, Duration.between(now.instant(), instant).toMinutes());
  }

  /** Whole minutes since then, never negative ("confirmed 3 h ago"). */
  public long minutesSince(Instant instant) {
    return instant == null ? 0 : Math.max(0, Duration.between(instant, now.instant()).toMinutes());
  }

  /** ISO form for {@code <time datetime>} and the page's countdowns. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }
}
