package org.linkage.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.linkage.testing.LinkageArchitecture;

/** The suite's module rules (common/testing LinkageArchitecture) on this service's main code. */
@AnalyzeClasses(packages = "org.linkage.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(LinkageArchitecture.class);
}
