package org.linkage.chassis;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.linkage.testing.LinkageArchitecture;

/** The suite's module rules on common/: the chassis, the event contracts and the test kit know no service. */
@AnalyzeClasses(packages = "org.linkage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(LinkageArchitecture.class);
}
