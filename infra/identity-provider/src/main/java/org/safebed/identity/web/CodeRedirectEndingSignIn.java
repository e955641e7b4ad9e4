package org.safebed.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Sends the authorization code back to the console, as the provider's default does, and ends the
 * sign-in session here at once. SafeBed's consoles sit on shared desks in police stations and
 * shelters: once someone signs out of the console, the next person must type a password again,
 * not be signed in silently as the previous one. This provider cannot end its session on the
 * console's behalf without the ID token passing through the browser, so it keeps none.
 */
public final class CodeRedirectEndingSignIn implements AuthenticationSuccessHandler {

  private final RedirectStrategy redirects = new DefaultRedirectStrategy();

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    OAuth2AuthorizationCodeRequestAuthenticationToken authorization =
        (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
    UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(authorization.getRedirectUri())
        .queryParam(OAuth2ParameterNames.CODE, authorization.getAuthorizationCode().getTokenValue());
    if (StringUtils.hasText(authorization.getState())) {
      redirect.queryParam(OAuth2ParameterNames.STATE,
          UriUtils.encode(authorization.getState(), StandardCharsets.UTF_8));
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    redirects.sendRedirect(request, response, redirect.build(true).toUriString());
  }
}
