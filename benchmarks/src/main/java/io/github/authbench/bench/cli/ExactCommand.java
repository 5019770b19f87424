package io.github.authbench.bench.cli;

import io.github.authbench.bench.ExactPass;
import io.github.authbench.bench.Payload;
import io.github.authbench.bench.StoreKind;
import io.github.authbench.results.ExactMeasurement;
import io.github.authbench.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./authbench exact}: the exact pass alone (sizes, store calls, exposure windows) into a directory. Hidden: it
 * is how {@code ./authbench ab} measures each side with the side's own code.
 */
@Command(name = "exact", hidden = true, description = "The exact pass alone, into a directory (used by ab).")
final class ExactCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "ci")
    String profile;

    @Option(names = "--store", defaultValue = "caffeine")
    String store;

    @Option(names = "--into", required = true)
    Path into;

    @Override
    public Integer call() throws IOException {
        Profile chosen = RunCommand.parse(Profile.class, profile, "--profile");
        write(chosen, chosen.stores(RunCommand.parse(StoreKind.class, store, "--store")), into,
                step -> System.out.println("  " + step));
        return 0;
    }

    /** Writes {@code strategies.json} and {@code exact.json} of the profile's strategies into {@code directory}. */
    static void write(Profile profile, List<StoreKind> stores, Path directory, Consumer<String> progress)
            throws IOException {
        Files.createDirectories(directory);
        // Counting is cheap, so every profile counts every payload: the report draws token size against payload size.
        List<ExactMeasurement> exact = ExactPass.run(profile.strategies(), profile.matrix.algorithms(),
                List.of(Payload.values()), stores, progress);
        RunDirectory.JSON.writeValue(directory.resolve(RunDirectory.STRATEGIES).toFile(),
                ExactPass.describe(profile.strategies()));
        RunDirectory.JSON.writeValue(directory.resolve(RunDirectory.EXACT).toFile(), exact);
    }
}
