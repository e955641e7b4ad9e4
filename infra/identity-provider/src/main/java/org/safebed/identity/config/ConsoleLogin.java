package org.safebed.identity.config;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The web console's sign-in: one confidential client (the gateway, which keeps the tokens on the
 * server) using the authorization-code grant with PKCE, and the people who may sign in.
 *
 * @param clientId the gateway's client id
 * @param secret its secret in {@code PasswordEncoder} form, or {@code null} for the default secret
 * @param redirectUris where codes may be sent: the gateway's {@code /login/oauth2/code/safebed}
 * @param defaultPassword password of every user that names none ({@code {noop}…} for the demo)
 * @param users the demo people
 */
public record ConsoleLogin(
    String clientId,
    String secret,
    List<URI> redirectUris,
    String defaultPassword,
    List<DemoUser> users) {

  public ConsoleLogin {
    clientId = clientId == null || clientId.isBlank() ? "safebed-console" : clientId;
    redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    users = users == null ? List.of() : List.copyOf(users);
    if (!users.isEmpty() && redirectUris.isEmpty()) {
      throw new IllegalArgumentException(
          "safebed.identity.console.redirect-uris must name the gateway's login callback");
    }
    for (URI uri : redirectUris) {
      if (!uri.isAbsolute() || uri.getFragment() != null) {
        throw new IllegalArgumentException("a console redirect URI must be absolute, without fragment");
      }
    }
    Set<String> names = new HashSet<>();
    for (DemoUser user : users) {
      if (!names.add(user.username())) {
        throw new IllegalArgumentException("safebed.identity.console.users has " + user.username() + " twice");
      }
      if (user.password() == null && defaultPassword == null) {
        throw new IllegalArgumentException(
            "user " + user.username() + " has no password and there is no default-password");
      }
    }
  }

  /** No console: nobody signs in, only machine clients get tokens. */
  static ConsoleLogin none() {
    return new ConsoleLogin(null, null, null, null, null);
  }

  /** Whether anyone can sign in. */
  public boolean enabled() {
    return !users.isEmpty();
  }

  /** The user's password, in {@code PasswordEncoder} form. */
  public String passwordOf(DemoUser user) {
    return user.password() != null ? user.password() : defaultPassword;
  }
}
