package dev.briefings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package structure follows the flow of a run: intake, then figures and risk over the format-neutral briefing
 * model, then rendering and publishing, with the Spring Batch wiring ({@code job}) and the fronts (command line,
 * web, schedule) on top. Main code only: test helpers may reach across.
 */
@AnalyzeClasses(packages = "dev.briefings", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    /** No two features need each other (render.pdf and render.workbook count as part of render here). */
    @ArchTest
    static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices().matching("dev.briefings.(*)..")
            .as("feature packages of dev.briefings").should().beFreeOfCycles();

    /** The same for every package on its own, so render, render.pdf and render.workbook do not need each other either. */
    @ArchTest
    static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("dev.briefings.(**)")
            .as("packages of dev.briefings").should().beFreeOfCycles();

    /** The model and the arithmetic stay plain Java, testable and reusable without a Spring context. */
    @ArchTest
    static final ArchRule MODEL_FIGURES_AND_RISK_DO_NOT_USE_SPRING = noClasses()
            .that().resideInAnyPackage("dev.briefings.figures..", "dev.briefings.risk..", "dev.briefings.briefing..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    /** The batch wiring sits above the engine: nothing it drives may reach back into it. */
    @ArchTest
    static final ArchRule ENGINE_DOES_NOT_DEPEND_ON_THE_JOB = noClasses()
            .that().resideInAnyPackage("dev.briefings.figures..", "dev.briefings.risk..", "dev.briefings.briefing..",
                    "dev.briefings.intake..", "dev.briefings.staging..", "dev.briefings.render..",
                    "dev.briefings.filters..", "dev.briefings.compose..")
            .should().dependOnClassesThat().resideInAPackage("dev.briefings.job..");
}
