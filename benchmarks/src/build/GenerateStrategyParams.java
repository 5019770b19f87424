import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.StrategyKind;
import io.github.authbench.strategy.StrategyTraits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes the benchmark matrix's catalogue parameters before the benchmarks compile: the strategies (from
 * {@link StrategyKind}) and the JWT libraries (from {@link JwtLibrary}). JMH reads a parameter's values from its
 * annotation only (an enum left blank would make the command line say {@code SESSION}, not the id {@code session}),
 * so each becomes a small abstract class whose {@code @Param} lists the ids: the library axis ({@code LibraryAxis}),
 * and one class per strategy subset, listing the strategies with the trait. A strategy or library added to its
 * catalogue is measured wherever it belongs, with no other edit. Run by Maven ({@code exec-maven-plugin}, phase
 * generate-sources) with the source launcher: {@code java -cp <classpath> GenerateStrategyParams.java <output dir>}.
 */
public final class GenerateStrategyParams {

    private static final String PACKAGE = "io.github.authbench.bench";

    /** A benchmark base class: its name, what it is for, and which strategies it takes. */
    private record Subset(String className, String purpose, Predicate<StrategyTraits> members) {
    }

    private static final List<Subset> SUBSETS = List.of(
            new Subset("EveryStrategy", "Login, authenticate, reject: every strategy has them.", traits -> true),
            new Subset("RefreshableStrategy", "Refresh: the strategies whose refresh exchanges a credential.",
                    StrategyTraits::refreshable),
            new Subset("StrategyWithServerState",
                    "Logout: the strategies whose logout changes server state (for the others it does nothing).",
                    StrategyTraits::keepsServerState),
            new Subset("StrategyRevokedAtOnce",
                    "Revocation latency from node A to node B: the strategies whose logout ends the access credential"
                            + " at once.",
                    StrategyTraits::logoutRevokesAtOnce));

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GenerateStrategyParams <output source directory>");
        }
        Path directory = Path.of(args[0], PACKAGE.split("\\."));
        Files.createDirectories(directory);
        for (Subset subset : SUBSETS) {
            List<String> ids = StrategyKind.ids(subset.members());
            if (ids.isEmpty()) {
                throw new IllegalStateException(subset.className() + " would measure no strategy");
            }
            write(directory, subset.className(), subset.purpose(), "StrategyAxes", "strategy", ids);
        }
        write(directory, "LibraryAxis", "The JWT library the JWT strategies sign and verify with: every library of the"
                + " catalogue ({@code JwtLibrary}).\n * A library that lacks the algorithm refuses the configuration"
                + " at setup; {@code ./authbench run} plans only the pairs it supports.", "SuiteFork", "codec",
                JwtLibrary.ids());
    }

    private static void write(Path directory, String className, String purpose, String superclass, String field,
            List<String> ids) throws IOException {
        Files.writeString(directory.resolve(className + ".java"), source(className, purpose, superclass, field, ids),
                StandardCharsets.UTF_8);
    }

    private static String source(String className, String purpose, String superclass, String field,
            List<String> ids) {
        String values = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
        return """
                package %s;

                import javax.annotation.processing.Generated;
                import org.openjdk.jmh.annotations.Param;
                import org.openjdk.jmh.annotations.Scope;
                import org.openjdk.jmh.annotations.State;

                /**
                 * %s
                 *
                 * <p>Written from the catalogue at build time by
                 * {@code benchmarks/src/build/GenerateStrategyParams.java}; edit the catalogue, not this file.
                 */
                @Generated("GenerateStrategyParams")
                @State(Scope.Benchmark)
                public abstract class %s extends %s {

                    @Param({%s})
                    public String %s;
                }
                """.formatted(PACKAGE, purpose, className, superclass, values, field);
    }

    private GenerateStrategyParams() {
    }
}
