package org.safebed.transport.domain;

/** A command the job's current status does not allow (e.g. deliver before pick-up). */
public final class IllegalTransition extends RuntimeException {

  public IllegalTransition(String detail) {
    super(detail, null, false, false);
  }
}
