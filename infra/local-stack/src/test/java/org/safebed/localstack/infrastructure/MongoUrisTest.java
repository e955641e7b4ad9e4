package org.safebed.localstack.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MongoUrisTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mongodb://127.0.0.1:27018 | mongodb://127.0.0.1:27018/transport",
      "mongodb://127.0.0.1:27018/ | mongodb://127.0.0.1:27018/transport",
      "mongodb://h1:1,h2:2/admin?replicaSet=rs0 | mongodb://h1:1,h2:2/transport?replicaSet=rs0",
      "mongodb://u:p@h1/?tls=true | mongodb://u:p@h1/transport?tls=true",
      "mongodb+srv://cluster.example/other | mongodb+srv://cluster.example/transport"})
  void namesTheServicesDatabase(String given, String expected) {
    assertThat(MongoUris.withDatabase(given, "transport")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"amqp://guest:guest@localhost", "localhost:27017"})
  void refusesWhatIsNotAMongoUri(String given) {
    assertThatIllegalArgumentException().isThrownBy(() -> MongoUris.withDatabase(given, "x"));
  }
}
