package org.safebed.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The stack's load-test police accounts ({@code load-police-1..N}, made by the identity provider
 * from {@code safebed.identity.load-test-police.count}), handed out so that every account keeps to
 * the limits one officer has: at most {@value #PLACEMENTS_PER_ACCOUNT} placements each, the cap on
 * open placements per requester, since the benchmark's placements stay open (held or waitlisted)
 * for the whole run; and so few requests each that the gateway's rate limit per user is never
 * reached. The load is spread over many callers instead of one whose limits are lifted.
 */
final class PoliceAccounts {

  static final String PREFIX = "load-police-";
  /** {@code safebed.occupancy.max-active-holds-per-requester} of shelter occupancy. */
  static final int PLACEMENTS_PER_ACCOUNT = 3;

  /** A run of whole accounts {@code first..first+count-1}, each for {@value #PLACEMENTS_PER_ACCOUNT} placements. */
  record Range(int first, int count) {
    List<String> accounts() {
      List<String> ids = new ArrayList<>(count);
      for (int n = first; n < first + count; n++) {
        ids.add(PREFIX + n);
      }
      return ids;
    }
  }

  private final int count;
  /** Placements handed out so far; placement k goes to account k / 3 + 1. */
  private long placements;

  /** @param count the accounts the stack has */
  PoliceAccounts(int count) {
    this.count = count;
  }

  /** Accounts needed for {@code placements} placements. */
  static int needed(long placements) {
    return (int) ((placements + PLACEMENTS_PER_ACCOUNT - 1) / PLACEMENTS_PER_ACCOUNT);
  }

  /** The account to send the next placement. */
  synchronized String next() {
    int account = (int) (placements / PLACEMENTS_PER_ACCOUNT) + 1;
    check(account);
    placements++;
    return PREFIX + account;
  }

  /** The accounts {@link #next()} hands out for the next {@code placements} placements, to fetch their tokens first. */
  synchronized List<String> upcoming(long placements) {
    if (placements <= 0) {
      return List.of();
    }
    int first = (int) (this.placements / PLACEMENTS_PER_ACCOUNT) + 1;
    int last = (int) Math.min((this.placements + placements - 1) / PLACEMENTS_PER_ACCOUNT + 1, count);
    return new Range(first, Math.max(0, last - first + 1)).accounts();
  }

  /**
   * Hands each thread that calls it whole accounts of its own, three placements each, so that one
   * account's placements never overlap: simultaneous first requests of one account can be refused
   * as over the cap (shelter occupancy's MongoRequestSlots: the second one finds the requester's
   * record the first has just created and reads it as full), which an officer sending one request
   * after another never meets.
   */
  java.util.function.Supplier<String> perThread() {
    final class InUse {
      String account;
      int left;
    }
    ThreadLocal<InUse> mine = ThreadLocal.withInitial(InUse::new);
    return () -> {
      InUse current = mine.get();
      if (current.left == 0) {
        current.account = PREFIX + reserve(PLACEMENTS_PER_ACCOUNT).first();
        current.left = PLACEMENTS_PER_ACCOUNT;
      }
      current.left--;
      return current.account;
    };
  }

  /** Fresh accounts for {@code placements} placements that nobody else will be handed (a Gatling run's). */
  synchronized Range reserve(long placements) {
    int first = (int) ((this.placements + PLACEMENTS_PER_ACCOUNT - 1) / PLACEMENTS_PER_ACCOUNT) + 1;
    int accounts = needed(placements);
    check(first + accounts - 1);
    this.placements = (long) (first - 1 + accounts) * PLACEMENTS_PER_ACCOUNT;
    return new Range(first, accounts);
  }

  /** Accounts used so far. */
  synchronized int used() {
    return needed(placements);
  }

  private void check(int account) {
    if (account > count) {
      throw new IllegalStateException("all " + count + " load-test police accounts are used up: "
          + "BenchmarkSettings.loadTestPoliceAccounts() sized them too small");
    }
  }
}
