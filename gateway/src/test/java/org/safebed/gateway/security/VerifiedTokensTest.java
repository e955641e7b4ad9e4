package org.safebed.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** At the edge, a token's signature is checked once; its expiry every time. */
class VerifiedTokensTest {

  private final AtomicInteger verifications = new AtomicInteger();

  private ReactiveJwtDecoder signatureChecking(Instant expiresAt) {
    return token -> Mono.fromCallable(() -> {
      verifications.incrementAndGet();
      if (!expiresAt.isAfter(Instant.now())) {
        throw new BadJwtException("expired");
      }
      return Jwt.withTokenValue(token).header("alg", "RS256").subject("police-1")
          .issuedAt(expiresAt.minus(Duration.ofMinutes(15))).expiresAt(expiresAt).build();
    });
  }

  @Test
  void aTokenSeenBeforeIsNotVerifiedAgain() {
    ReactiveJwtDecoder tokens = new VerifiedTokens(signatureChecking(Instant.now().plusSeconds(600)));

    Jwt first = tokens.decode("token-a").block();
    Jwt second = tokens.decode("token-a").block();
    tokens.decode("token-b").block();

    assertThat(second).isSameAs(first);
    assertThat(verifications).as("token-a once, token-b once").hasValue(2);
  }

  @Test
  void aRememberedTokenThatExpiredIsRefusedAsWithoutTheMemory() throws Exception {
    ReactiveJwtDecoder tokens = new VerifiedTokens(signatureChecking(Instant.now().plusMillis(300)),
        new JwtTimestampValidator(Duration.ZERO));
    tokens.decode("token-a").block();

    Thread.sleep(400);

    assertThatThrownBy(() -> tokens.decode("token-a").block()).isInstanceOf(BadJwtException.class);
    assertThat(verifications).as("checked again once the memory could not vouch for it").hasValue(2);
  }
}
