package org.safebed.identity.user;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safebed.identity.config.ConsoleLogin;
import org.safebed.identity.config.DemoUser;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The demo people who sign in to the console, and their SafeBed attributes by user name. */
public final class DemoUsers implements UserDetailsService {

  private final ConsoleLogin console;
  private final Map<String, DemoUser> byName;

  public DemoUsers(ConsoleLogin console) {
    this.console = console;
    this.byName = console.users().stream()
        .collect(Collectors.toUnmodifiableMap(DemoUser::username, Function.identity()));
  }

  /** The person a token is being issued for, if they are one of the demo users. */
  public Optional<DemoUser> find(String username) {
    return Optional.ofNullable(byName.get(username));
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    DemoUser user = byName.get(username);
    if (user == null) {
      // The message never reaches the sign-in page; it still names nobody.
      throw new UsernameNotFoundException("unknown user");
    }
    // Authorities are not used here: the roles travel as the token's roles claim.
    return User.withUsername(user.username())
        .password(console.passwordOf(user))
        .authorities(user.roles().stream().map(role -> "ROLE_" + role).toArray(String[]::new))
        .build();
  }
}
