package org.safebed.referral.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of referrals. Their safety constraints are sealed and read only through {@link #safetyOf}. */
public interface ReferralRepository {

  /**
   * Stores a new referral.
   *
   * @throws ActiveReferralExistsException when the placement already has an active referral
   */
  /**
   * @param caseToken keyed hash of her own case reference (from shelter occupancy): once she moves
   *     in, her unit carries it, so that nobody who must be kept apart from her is housed nearby
   */
  void insert(Referral referral, SafetyConstraints safety, String caseToken);

  /** The case token of the referral's resident, empty when it has none (or was anonymised). */
  Optional<String> caseTokenOf(String referralId);

  Optional<Referral> find(String id);

  /**
   * Applies a change with one conditional write on the referral's previous status and version,
   * recording its events in the referral's outbox in the same write.
   *
   * @return false when the referral changed meanwhile (nothing was written)
   */
  boolean apply(ReferralChange change);

  /** Unseals the referral's safety constraints; callers audit the read. */
  SafetyConstraints safetyOf(String referralId);

  List<Referral> list(ReferralQuery query);

  List<Referral> offersExpiredBy(Instant now, int limit);

  List<Referral> activeForPlacement(String placementId);

  /** Active referrals not changed since {@code before}: candidates for the reconciler. */
  List<Referral> activeUnchangedSince(Instant before, int limit);

  /** MOVED_IN referrals whose unit may still wait to be marked let. */
  List<Referral> movedInSince(Instant since, int limit);

  /** The newest referrals of every agency created at or after {@code since}, at most {@code limit}. */
  List<ReferralSummary> summariesCreatedSince(Instant since, int limit);

  /** Active referrals of every agency without progress since {@code since}. */
  long countActiveWithoutProgressSince(Instant since);
}
