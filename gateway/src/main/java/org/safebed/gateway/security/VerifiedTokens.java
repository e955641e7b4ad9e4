package org.safebed.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks a bearer token's signature once at the edge: a caller sends the same token with every
 * request until it expires, and verifying an RS256 signature is the dearest part of letting a
 * request through. A token seen before is answered from memory after its time-bound claims are
 * checked again (issuer and audience cannot change), so an expired token is refused exactly as
 * without the memory. The key is the whole token, which only its holder can present. Wraps the
 * decoder Spring Boot configures from {@code spring.security.oauth2.resourceserver.jwt}.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

  /** Tokens remembered at most; beyond it the memory starts again (a burst of callers, an attack). */
  static final int MAX_REMEMBERED = 1024;

  private final ReactiveJwtDecoder decoder;
  private final OAuth2TokenValidator<Jwt> stillValid;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  /** With the clock skew Spring's own timestamp check allows (60 s). */
  VerifiedTokens(ReactiveJwtDecoder decoder) {
    this(decoder, new JwtTimestampValidator());
  }

  VerifiedTokens(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> stillValid) {
    this.decoder = decoder;
    this.stillValid = stillValid;
  }

  /** Wraps every {@link ReactiveJwtDecoder} bean the context defines. */
  static BeanPostProcessor wrappingDecoders() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)
            ? new VerifiedTokens(decoder)
            : bean;
      }
    };
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = verified.get(token);
    if (known != null) {
      if (!stillValid.validate(known).hasErrors()) {
        return Mono.just(known);
      }
      // Expired: the decoder refuses it with its usual error.
      verified.remove(token);
    }
    return decoder.decode(token).doOnNext(jwt -> {
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(token, jwt);
    });
  }
}
