package org.safebed.platform.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The one set of layer rules every SafeBed service follows, in the style of buckpal's dependency
 * rules: a domain free of frameworks, storage and the platform; use cases that know neither the web,
 * nor storage, nor the wire, nor the configuration, and refuse without HTTP (the platform's
 * {@code org.safebed.platform.refusal.Refusal}, which the web layer answers); Mongo only in persistence; generated wire models
 * only in the web layer; storage that reaches the wire only through the service's {@code PublishedEvents};
 * no Manager/Helper/Util/Impl names. A service applies them all with
 * {@code @TestFactory Stream<DynamicTest> rules() { return ServiceArchitecture.of("org.safebed.x").rules(); }}
 * and adds its own beside them.
 */
public final class ServiceArchitecture {

  /**
   * The one class of a service's {@code messaging} package that maps its domain events to their wire
   * types and data: the only part of messaging its persistence may use, to fill the outbox.
   */
  public static final String PUBLISHED_EVENTS = "PublishedEvents";

  private final String base;
  private final JavaClasses main;

  private ServiceArchitecture(String base) {
    this.base = base;
    this.main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(base);
  }

  /** @param base the service's root package, e.g. {@code org.safebed.transport} */
  public static ServiceArchitecture of(String base) {
    return new ServiceArchitecture(base);
  }

  /** The service's main classes, for its own rules. */
  public JavaClasses mainClasses() {
    return main;
  }

  /** Every rule as a test of its own, named by what it says. */
  public Stream<DynamicTest> rules() {
    return rulesByName().entrySet().stream()
        .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(main)));
  }

  Map<String, ArchRule> rulesByName() {
    Map<String, ArchRule> rules = new LinkedHashMap<>();
    rules.put("the domain knows no framework, storage, platform or other layer", noClasses()
        .that().resideInAPackage(layer("domain"))
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "org.bson..", "com.mongodb..", "org.safebed.platform..", "tools.jackson..",
            "com.fasterxml..", "io.github.resilience4j..", layer("application"), layer("persistence"),
            layer("web"), layer("messaging"), layer("client"), layer("config")));
    rules.put("use cases know neither the web, nor storage, nor the wire", noClasses()
        .that().resideInAPackage(layer("application"))
        .should().dependOnClassesThat().resideInAnyPackage(
            layer("web"), layer("persistence"), layer("client"),
            "org.springframework.amqp..", "org.springframework.data..", "org.springframework.web.client.."));
    rules.put("use cases refuse in the service's words, not in HTTP's", noClasses()
        .that().resideInAnyPackage(layer("application"), layer("domain"))
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework.http..", "org.safebed.platform.web.problem.."));
    // Frozen: the uses there are today (occupancy's use cases read its properties records) are kept in
    // the module's src/test/resources/archunit_store and shrink as they are fixed; a new one fails.
    rules.put("use cases read no configuration class", FreezingArchRule.freeze(noClasses()
        .that().resideInAPackage(layer("application"))
        .should().dependOnClassesThat().resideInAPackage(layer("config"))));
    rules.put("only persistence talks to Mongo", noClasses()
        .that().resideOutsideOfPackage(layer("persistence"))
        .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson.."));
    rules.put("storage reaches the wire only through the service's " + PUBLISHED_EVENTS, noClasses()
        .that().resideInAPackage(layer("persistence"))
        .should().dependOnClassesThat(resideInAPackage(layer("messaging"))
            .and(not(simpleName(PUBLISHED_EVENTS)))));
    rules.put("generated wire models stay in the web layer", noClasses()
        .that().resideOutsideOfPackage(layer("web"))
        .should().dependOnClassesThat().resideInAPackage(base + ".web.model.."));
    rules.put("no Manager, Helper, Util or Impl", classes()
        .that().resideOutsideOfPackages(base + ".web.api..", base + ".web.model..")
        .should().haveSimpleNameNotEndingWith("Manager")
        .andShould().haveSimpleNameNotEndingWith("Helper")
        .andShould().haveSimpleNameNotEndingWith("Util")
        .andShould().haveSimpleNameNotEndingWith("Utils")
        .andShould().haveSimpleNameNotEndingWith("Impl"));
    return rules;
  }

  private String layer(String name) {
    return base + "." + name + "..";
  }
}
