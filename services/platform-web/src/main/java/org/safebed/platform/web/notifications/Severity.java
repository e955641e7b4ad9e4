package org.safebed.platform.web.notifications;

/** How urgently a notification asks its reader to act. */
public enum Severity {
  /** Something happened that she may want to know. */
  INFO,
  /** She has something to do. */
  ACTION_REQUIRED,
  /** Someone may be in danger: act now. */
  CRITICAL
}
