package dev.livechat.bootstrap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The architecture of architecture.md, checked on the production classes of every module. */
@AnalyzeClasses(packages = "dev.livechat",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.ExcludeTestJars.class})
class ArchitectureTest {

    /** The application test-jar (fakes, contract suites) is test code too. */
    static final class ExcludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule hexagon_layers_point_inwards = onionArchitecture()
            .domainModels("dev.livechat.domain..")
            .domainServices("dev.livechat.application.port..")
            .applicationServices("dev.livechat.application.service..")
            .adapter("http", "dev.livechat.adapter.http..")
            .adapter("jdbc", "dev.livechat.adapter.jdbc..")
            .adapter("mongo", "dev.livechat.adapter.mongo..")
            .ignoreDependency(resideInAPackage("dev.livechat.bootstrap.."), alwaysTrue())
            .withOptionalLayers(true)
            .because("dependencies point from adapters to the application to the domain, and adapters never "
                    + "depend on each other (architecture.md)");

    @ArchTest
    static final ArchRule domain_depends_on_the_jdk_only = classes()
            .that().resideInAPackage("dev.livechat.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.livechat.domain..", "java..")
            .because("the domain is plain Java that any team can embed");

    @ArchTest
    static final ArchRule application_depends_on_domain_and_jdk_only = classes()
            .that().resideInAPackage("dev.livechat.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.livechat.application..", "dev.livechat.domain..", "java..")
            .because("use cases and ports know no framework, driver or serialisation library");

    @ArchTest
    static final ArchRule only_bootstrap_knows_bootstrap = noClasses()
            .that().resideOutsideOfPackage("dev.livechat.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.livechat.bootstrap..")
            .because("bootstrap wires everything and nothing depends on the wiring");

    @ArchTest
    static final ArchRule commands_and_queries_are_records = classes()
            .that().resideInAPackage("dev.livechat.application.port.in..")
            .and().haveSimpleNameEndingWith("Command")
            .or().resideInAPackage("dev.livechat.application.port.in..")
            .and().haveSimpleNameEndingWith("Query")
            .should().beAssignableTo(Record.class)
            .because("commands and queries are immutable values validated on construction");

    @ArchTest
    static final ArchRule use_cases_are_interfaces = classes()
            .that().resideInAPackage("dev.livechat.application.port.in..")
            .and().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces()
            .because("in-ports are interfaces that services implement and adapters call");

    @ArchTest
    static final ArchRule services_implement_a_use_case = classes()
            .that().resideInAPackage("dev.livechat.application.service..")
            .and().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().resideInAPackage("dev.livechat.application.port.in..")
            .because("every service is the implementation of an in-port");

    @ArchTest
    static final ArchRule out_ports_are_interfaces_or_their_exceptions = classes()
            .that().resideInAPackage("dev.livechat.application.port.out..")
            .and().areTopLevelClasses()
            .and().doNotHaveSimpleName("StorePorts")
            .should().beInterfaces()
            .orShould().beAssignableTo(RuntimeException.class)
            .because("out-ports are implemented by adapters; only their failure signals and the StorePorts bundle "
                    + "are classes");

    @ArchTest
    static final ArchRule core_never_reads_the_system_clock = noClasses()
            .that().resideInAnyPackage("dev.livechat.domain..", "dev.livechat.application..",
                    "dev.livechat.adapter..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .because("time comes from the injected Clock so that tests can fix it (architecture.md)");

    @ArchTest
    static final ArchRule jdbi_stays_in_the_jdbc_adapter = noClasses()
            .that().resideOutsideOfPackage("dev.livechat.adapter.jdbc..")
            .and().resideOutsideOfPackage("dev.livechat.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.flywaydb..")
            .because("driver types and errors never leave their adapter");

    @ArchTest
    static final ArchRule mongo_driver_stays_in_the_mongo_adapter = noClasses()
            .that().resideOutsideOfPackage("dev.livechat.adapter.mongo..")
            .and().resideOutsideOfPackage("dev.livechat.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
            .because("driver types and errors never leave their adapter");

    @ArchTest
    static final ArchRule jackson_stays_in_the_http_adapter = noClasses()
            .that().resideOutsideOfPackage("dev.livechat.adapter.http..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("JSON is a wire concern of the HTTP adapter");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("dev.livechat.(**)")
            .should().beFreeOfCycles()
            .because("cycles make modules impossible to read or split");

    @ArchTest
    static final ArchRule no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_field_injection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule only_the_launcher_writes_to_standard_streams = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.livechat.bootstrap.LivechatServer")
            .should(ACCESS_STANDARD_STREAMS)
            .because("logs go through SLF4J; only the launcher prints the one-time admin password and start-up errors");
}
