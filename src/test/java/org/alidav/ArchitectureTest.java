package org.alidav;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package structure the code keeps: no cycles between packages, and a DAV layer that knows the
 * drivers only through the driver SPI.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.alidav");

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("org.alidav.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * Every package against every other, except among the packages of the DAV layer: {@code dav},
     * {@code dav.http}, {@code dav.resource}, {@code dav.props} and {@code dav.sign} still import each
     * other (docs/architecture.md, "Package cycles"), which this rule must not hide anywhere else.
     */
    @Test
    void packagesHaveNoCyclesOutsideTheKnownKnotOfTheDavLayer() {
        slices().matching("org.alidav.(**)").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("org.alidav.dav.."), resideInAPackage("org.alidav.dav.."))
                .check(CLASSES);
    }

    @Test
    void theDavLockPackageDependsOnNoOtherDavPackage() {
        noClasses().that().resideInAPackage("org.alidav.dav.lock..")
                .should().dependOnClassesThat().resideInAnyPackage("org.alidav.dav", "org.alidav.dav.http..", "org.alidav.dav.resource..",
                        "org.alidav.dav.props..", "org.alidav.dav.sign..")
                .check(CLASSES);
    }

    /** The shared cloud parts are for any driver: they know the driver SPI, never a backend or the server. */
    @Test
    void theSharedCloudPartsDependOnNoDriverAndNoServerLayer() {
        noClasses().that().resideInAPackage("org.alidav.drive.remote..")
                .should().dependOnClassesThat().resideInAnyPackage("org.alidav.aliyun..", "org.alidav.drive.local..", "org.alidav.drive.cache..",
                        "org.alidav.dav..", "org.alidav.server..", "org.alidav.config..", "okhttp3..")
                .check(CLASSES);
    }

    @Test
    void theDavLayerImportsNeitherOkHttpNorTheOpenApi() {
        noClasses().that().resideInAPackage("org.alidav.dav..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "org.alidav.aliyun..", "org.alidav.sandbox..")
                .check(CLASSES);
    }
}
