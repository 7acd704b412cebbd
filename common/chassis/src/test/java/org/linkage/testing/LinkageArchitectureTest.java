package org.linkage.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules can fail: a service that takes its REST layer's request type breaks two of them. */
class LinkageArchitectureTest {

    private final JavaClasses fixture = new ClassFileImporter().importPackages("org.linkage.archfixture");

    @Test
    void aServiceThatSeesRestTypesBreaksTheLayersAndMakesACycle() {
        AssertionError layers = assertThrows(AssertionError.class,
                () -> LinkageArchitecture.LAYERS_POINT_ONE_WAY.check(fixture));
        assertTrue(layers.getMessage().contains("FixtureService"), layers.getMessage());
        AssertionError cycles = assertThrows(AssertionError.class,
                () -> LinkageArchitecture.NO_PACKAGE_CYCLES.check(fixture));
        assertTrue(cycles.getMessage().contains("Cycle detected"), cycles.getMessage());
    }
}
