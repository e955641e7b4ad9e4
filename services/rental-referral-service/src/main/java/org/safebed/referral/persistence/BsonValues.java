package org.safebed.referral.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/** Instants are stored as BSON dates, calendar dates as ISO strings (they sort and compare). */
final class BsonValues {

  private BsonValues() {}

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }

  static String day(LocalDate date) {
    return date == null ? null : date.toString();
  }

  static LocalDate localDate(Object value) {
    return value instanceof String text ? LocalDate.parse(text) : null;
  }
}
