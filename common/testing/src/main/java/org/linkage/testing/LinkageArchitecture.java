package org.linkage.testing;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.linkage.events.DomainEvent;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the suite as rules (README, "Architecture"). Every service runs them on its own main code:
 * <pre>
 * &#64;AnalyzeClasses(packages = "org.linkage.volunteer", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests RULES = ArchTests.in(LinkageArchitecture.class);
 * }
 * </pre>
 * and the chassis runs them on common/ (where the service rules find nothing and pass).
 */
public final class LinkageArchitecture {

    private static final String[] SERVICES = {"volunteer", "activity", "matching", "notification"};

    /**
     * Calls point one way: rest (and the Kafka consumers in event, and health) → service → mapping → api / domain;
     * repositories are used by services (and by resources for plain reads); domain depends on nothing of its service.
     */
    @ArchTest
    static final ArchRule LAYERS_POINT_ONE_WAY = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("rest").definedBy("org.linkage.*.rest..")
            .layer("event consumers").definedBy("org.linkage.*.event..")
            .layer("health").definedBy("org.linkage.*.health..")
            .layer("service").definedBy("org.linkage.*.service..")
            .layer("mapping").definedBy("org.linkage.*.mapping..")
            .layer("api").definedBy("org.linkage.*.api..")
            .layer("repository").definedBy("org.linkage.*.repository..")
            .layer("domain").definedBy("org.linkage.*.domain..")
            .layer("config").definedBy("org.linkage.*.config..")
            .whereLayer("rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("event consumers").mayNotBeAccessedByAnyLayer()
            .whereLayer("health").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "event consumers", "health")
            .whereLayer("mapping").mayOnlyBeAccessedByLayers("rest", "service")
            .whereLayer("api").mayOnlyBeAccessedByLayers("rest", "service", "mapping")
            .whereLayer("repository").mayOnlyBeAccessedByLayers("rest", "service")
            .whereLayer("mapping").mayOnlyAccessLayers("api", "domain")
            .whereLayer("api").mayOnlyAccessLayers("domain")
            .whereLayer("repository").mayOnlyAccessLayers("domain", "config")
            .whereLayer("domain").mayNotAccessAnyLayer();

    /** No package of a service depends, through any path, on itself. */
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.linkage.(*).(*)..")
            .should().beFreeOfCycles();

    /** Services talk through events and HTTP, never through each other's code. */
    @ArchTest
    static final ArchRule NO_SERVICE_USES_ANOTHER = CompositeArchRule.of(
            Arrays.stream(SERVICES).map(LinkageArchitecture::serviceUsesNoOther).toList());

    /** common/ (chassis, event contracts, test kit) serves every service and knows none. */
    @ArchTest
    static final ArchRule COMMON_KNOWS_NO_SERVICE = noClasses()
            .that().resideInAnyPackage("org.linkage.chassis..", "org.linkage.events..", "org.linkage.testing..")
            .should().dependOnClassesThat().resideInAnyPackage(servicePackages())
            .allowEmptyShould(true);

    /** Every event is an immutable record of the shared contracts in common/events. */
    @ArchTest
    static final ArchRule EVENTS_ARE_SHARED_RECORDS = classes()
            .that().implement(DomainEvent.class)
            .should().resideInAPackage("org.linkage.events..").andShould().beRecords()
            .allowEmptyShould(true);

    /**
     * Events leave a service only through the chassis' outbox, in the transaction of the change (the test kit
     * plays other services' producers).
     */
    @ArchTest
    static final ArchRule EVENTS_LEAVE_THROUGH_THE_OUTBOX = noClasses()
            .that().resideOutsideOfPackages("org.linkage.chassis..", "org.linkage.testing..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.producer..")
            .orShould().dependOnClassesThat()
            .haveFullyQualifiedName("org.eclipse.microprofile.reactive.messaging.Emitter")
            .allowEmptyShould(true);

    /** Transactions and validation belong to services: resources stay thin. */
    @ArchTest
    static final ArchRule RESOURCES_OPEN_NO_TRANSACTION = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage("org.linkage.*.rest..")
            .should().beAnnotatedWith("jakarta.transaction.Transactional")
            .allowEmptyShould(true);

    /** Only the HTTP layer and its documents know JAX-RS. */
    @ArchTest
    static final ArchRule ONLY_THE_HTTP_LAYER_KNOWS_JAX_RS = noClasses()
            .that().resideInAnyPackage("org.linkage.*.service..", "org.linkage.*.domain..",
                    "org.linkage.*.repository..", "org.linkage.*.mapping..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
            .allowEmptyShould(true);

    private static ArchRule serviceUsesNoOther(String service) {
        String[] others = Arrays.stream(SERVICES).filter(other -> !other.equals(service))
                .map(other -> "org.linkage." + other + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("org.linkage." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true);
    }

    private static String[] servicePackages() {
        return Arrays.stream(SERVICES).map(service -> "org.linkage." + service + "..")
                .toArray(String[]::new);
    }

    private LinkageArchitecture() {
    }
}
