package org.safebed.identity.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The clients fixed by configuration: known clients may be updated, none added. Spring's in-memory
 * repository refuses two clients with the same secret, but all demo accounts share the documented
 * demo secret. Clients not listed may still be made by {@code madeWhenAsked} (the load-test
 * accounts), each time one is looked up.
 */
final class FixedClientRepository implements RegisteredClientRepository {

  private final Map<String, RegisteredClient> byClientId;
  private final Function<String, RegisteredClient> madeWhenAsked;

  /**
   * @param madeWhenAsked the registration of a client id not in {@code clients}; {@code null} for
   *     an id it does not know either
   */
  FixedClientRepository(List<RegisteredClient> clients, Function<String, RegisteredClient> madeWhenAsked) {
    this.byClientId = new ConcurrentHashMap<>();
    this.madeWhenAsked = madeWhenAsked;
    clients.forEach(client -> byClientId.put(client.getClientId(), client));
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    String clientId = registeredClient.getClientId();
    if (byClientId.replace(clientId, registeredClient) == null) {
      if (madeWhenAsked.apply(clientId) == null) {
        throw new UnsupportedOperationException("the demo clients are fixed by configuration");
      }
      byClientId.put(clientId, registeredClient);
    }
  }

  @Override
  public RegisteredClient findById(String id) {
    // Registrations use the client id as their id.
    return findByClientId(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    RegisteredClient listed = byClientId.get(clientId);
    return listed != null || clientId == null ? listed : madeWhenAsked.apply(clientId);
  }
}
