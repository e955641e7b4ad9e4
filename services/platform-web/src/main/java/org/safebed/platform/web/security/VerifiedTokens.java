package org.safebed.platform.web.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Checks a token's signature once: a caller sends the same token with every request until it
 * expires, and verifying an RS256 signature is the dearest part of authenticating a request. A
 * token seen before is answered from memory after its time-bound claims are checked again (the
 * issuer and audience cannot change), so an expired token is refused exactly as without the
 * memory. The key is the whole token, which only its holder can present.
 */
final class VerifiedTokens implements JwtDecoder {

  /** Tokens remembered at most; beyond it the memory starts again (a burst of callers, an attack). */
  static final int MAX_REMEMBERED = 1024;

  private final JwtDecoder decoder;
  private final OAuth2TokenValidator<Jwt> stillValid;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  /**
   * @param decoder verifies signatures and every claim
   * @param stillValid the checks that depend on the time, run again on a remembered token
   */
  VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> stillValid) {
    this.decoder = decoder;
    this.stillValid = stillValid;
  }

  @Override
  public Jwt decode(String token) {
    Jwt known = verified.get(token);
    if (known != null) {
      OAuth2TokenValidatorResult result = stillValid.validate(known);
      if (!result.hasErrors()) {
        return known;
      }
      // Expired: the decoder refuses it with its usual error.
      verified.remove(token);
    }
    Jwt jwt = decoder.decode(token);
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear();
    }
    verified.put(token, jwt);
    return jwt;
  }
}
