package org.alidav;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package structure the code keeps: no cycles between packages, and a DAV layer that knows the
 * drivers only through the driver SPI.
 */
@LongRunning
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.alidav");

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("org.alidav.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Every package against every other, the packages of the DAV layer included (docs/architecture.md, "Package layers"). */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.alidav.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * The packages of the DAV layer in layers (docs/architecture.md, "Package layers"): each uses only
     * those below it, siblings ({@code props}, {@code sign}, {@code upload}) none of each other, and
     * {@code dav.lock} none of the others at all. Classes outside the DAV layer are not looked at here.
     */
    @Test
    void theDavLayerIsLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("assembly").definedBy("org.alidav.dav")
                .layer("download").definedBy("org.alidav.dav.download..")
                .layer("props").definedBy("org.alidav.dav.props..")
                .layer("sign").definedBy("org.alidav.dav.sign..")
                .layer("upload").definedBy("org.alidav.dav.upload..")
                .layer("resource").definedBy("org.alidav.dav.resource..")
                .layer("http").definedBy("org.alidav.dav.http..")
                .layer("mount").definedBy("org.alidav.dav.mount..")
                .layer("lock").definedBy("org.alidav.dav.lock..")
                .whereLayer("assembly").mayNotBeAccessedByAnyLayer()
                .whereLayer("download").mayOnlyBeAccessedByLayers("assembly")
                .whereLayer("props").mayOnlyBeAccessedByLayers("assembly")
                .whereLayer("upload").mayOnlyBeAccessedByLayers("assembly")
                .whereLayer("sign").mayOnlyBeAccessedByLayers("download", "assembly")
                .whereLayer("resource").mayOnlyBeAccessedByLayers("props", "sign", "upload", "download", "assembly")
                .whereLayer("http").mayOnlyBeAccessedByLayers("resource", "props", "sign", "upload", "download", "assembly")
                .whereLayer("mount").mayOnlyBeAccessedByLayers("http", "resource", "props", "sign", "upload", "download", "assembly")
                .whereLayer("lock").mayOnlyBeAccessedByLayers("assembly")
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
