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
 * Writes the benchmark matrix's strategy parameters from the catalogue, before the benchmarks compile. JMH reads a
 * parameter's values from its annotation only (an enum left blank would make the command line say {@code SESSION},
 * not the id {@code session}), so each subset becomes a small abstract class whose {@code @Param} lists the ids of
 * the strategies with the trait: a strategy added to {@link StrategyKind} is measured wherever its traits say,
 * with no other edit. Run by Maven ({@code exec-maven-plugin}, phase generate-sources) with the source launcher:
 * {@code java -cp <classpath> GenerateStrategyParams.java <output directory>}.
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
            Files.writeString(directory.resolve(subset.className() + ".java"), source(subset),
                    StandardCharsets.UTF_8);
        }
    }

    private static String source(Subset subset) {
        List<String> ids = StrategyKind.ids(subset.members());
        if (ids.isEmpty()) {
            throw new IllegalStateException(subset.className() + " would measure no strategy");
        }
        String values = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
        return """
                package %s;

                import javax.annotation.processing.Generated;
                import org.openjdk.jmh.annotations.Param;

                /**
                 * %s
                 *
                 * <p>Written from the catalogue ({@code StrategyKind}) at build time by
                 * {@code benchmarks/src/build/GenerateStrategyParams.java}; edit the catalogue, not this file.
                 */
                @Generated("GenerateStrategyParams")
                public abstract class %s extends StrategyAxes {

                    @Param({%s})
                    public String strategy;
                }
                """.formatted(PACKAGE, subset.purpose(), subset.className(), values);
    }

    private GenerateStrategyParams() {
    }
}
