package org.safebed.identity.config;

import java.util.List;
import java.util.Optional;

/**
 * Numbered accounts for load tests, all alike: {@code <prefix>1} to {@code <prefix><count>}, so
 * that load can come from many callers, each with the normal caps and rate limits of one account,
 * rather than from one account whose limits are lifted. Off (count 0) unless configured.
 *
 * <p>They are worked out from the client id when a token is asked for, not listed: a benchmark may
 * ask for tens of thousands, and the provider shares the local stack's memory, which is measured.
 *
 * @param count how many; 0 for none
 */
public record LoadTestAccounts(int count) {

  /** The police accounts: role POLICE, all of one agency. */
  public static final String POLICE_PREFIX = "load-police-";
  public static final String POLICE_AGENCY = "police-load-test";
  /** The driver accounts: role DRIVER (a coordinator registers a driver for each in transport). */
  public static final String DRIVER_PREFIX = "load-driver-";

  public static final LoadTestAccounts NONE = new LoadTestAccounts(0);

  public LoadTestAccounts {
    if (count < 0) {
      throw new IllegalArgumentException("a count of load-test accounts cannot be negative");
    }
  }

  /** Whether the client id is of the load-test accounts' form, whatever their count. */
  static boolean isReserved(String clientId) {
    return clientId.startsWith(POLICE_PREFIX) || clientId.startsWith(DRIVER_PREFIX);
  }

  /**
   * The account {@code clientId} names if it is {@code prefix} followed by one of 1 to
   * {@code count} written plainly (no sign, no leading zero: one account has one id).
   */
  Optional<DemoClient> find(String clientId, String prefix, List<String> roles, String agencyId) {
    if (count == 0 || !clientId.startsWith(prefix)) {
      return Optional.empty();
    }
    String number = clientId.substring(prefix.length());
    if (number.isEmpty() || number.length() > 9 || number.charAt(0) == '0'
        || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int n = Integer.parseInt(number);
    return n <= count
        ? Optional.of(new DemoClient(clientId, null, roles, List.of(), agencyId, List.of()))
        : Optional.empty();
  }
}
