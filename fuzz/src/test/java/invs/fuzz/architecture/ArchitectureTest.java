package invs.fuzz.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules of docs/architecture.md, checked on the main classes of every module.
 */
class ArchitectureTest {
    /** The command-line layer: the only code that prints to the terminal or exits the process. */
    private static final String[] COMMAND_LINE = {"invs.fuzz", "invs.fuzz.cli", "invs.fuzz.progress"};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("invs");
    }

    @Test
    void theImplementationNeverSeesTheSpecification() {
        ArchRule rule = noClasses().that().resideInAPackage("invs.impl..")
                .should().dependOnClassesThat().resideInAnyPackage("invs.spec..", "invs.conformance..", "invs.fuzz..")
                .because("an implementation that could read the model's answers could not be checked by it");
        rule.check(main);
    }

    @Test
    void theSpecificationDependsOnNothingOfTheProject() {
        noClasses().that().resideInAPackage("invs.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("invs.impl..", "invs.conformance..", "invs.fuzz..")
                .check(main);
    }

    @Test
    void theSystemUnderTestApiSeesOnlyTheVocabulary() {
        classes().that().resideInAPackage("invs.conformance.sut")
                .should().onlyDependOnClassesThat().resideInAnyPackage("invs.conformance.sut", "invs.spec", "java..",
                        "io.vavr..")
                .because("a Java adapter depends on the API and the vocabulary only (no impl, JSON or JUnit)")
                .check(main);
    }

    @Test
    void theEngineNeverSeesTheCommandLine() {
        noClasses().that().resideInAPackage("invs.conformance..")
                .should().dependOnClassesThat().resideInAPackage("invs.fuzz..")
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("invs.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void onlyTheCommandLinePrintsOrExits() {
        noClasses().that().resideOutsideOfPackages(COMMAND_LINE)
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("the engine reports through results; the command line decides what to print and how to exit")
                .check(main);
    }
}
