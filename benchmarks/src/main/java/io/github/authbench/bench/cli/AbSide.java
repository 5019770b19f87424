package io.github.authbench.bench.cli;

import io.github.authbench.bench.Turns;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * One side of {@code ./authbench ab}: the classpath its JMH runs from (a built {@code benchmarks.jar}, or a classpath
 * in tests), JVM options added to its forks, and what it is, for the run directory.
 *
 * @param name         {@code base} or {@code candidate}: the run directory's name
 * @param given        what the user named: a git ref or a jar
 * @param commit       the commit it was built from ({@code unknown} for a jar built elsewhere)
 * @param classpath    what {@code java -cp} gets
 * @param jvmArgsAppend added to the suite's own fork options (JMH's {@code -jvmArgsAppend}): how a test makes a side
 *                      known to be slower; empty from the command line, and not recorded in the run directory
 */
record AbSide(String name, String given, String commit, String classpath, List<String> jvmArgsAppend) {

    static final String JAR = "benchmarks/target/benchmarks.jar";

    /**
     * The side named by {@code spec}: an existing jar file as it is, otherwise a git ref of the repository at
     * {@code root}, checked out into a worktree under {@code work} and built there with Maven; a ref already built
     * for the other side is not built twice.
     */
    static AbSide resolve(String name, String spec, Path root, Path work, AbSide other) throws IOException {
        String commit = check(name, spec, root);
        if (spec.endsWith(".jar")) {
            return new AbSide(name, spec, commit, Path.of(spec).toAbsolutePath().toString(), List.of());
        }
        if (other != null && other.commit().equals(commit)) {
            return new AbSide(name, spec, commit, other.classpath(), List.of());
        }
        Path tree = work.resolve(name);
        Shell.check(root, List.of("git", "worktree", "add", "--detach", "--force", tree.toString(), commit),
                "git worktree add for " + spec);
        System.out.println("  building " + name + " (" + spec + " = " + commit.substring(0, 10) + ")...");
        Shell.check(tree, List.of("mvn", "-q", "-B", "-DskipTests", "package"), "building " + spec);
        return new AbSide(name, spec, commit, tree.resolve(JAR).toString(), List.of());
    }

    /**
     * What {@code spec} names, checked before anything is built: an existing jar ({@code unknown (name.jar)}), or the
     * commit of a git ref of {@code root}.
     *
     * @throws UsageException when it names neither
     */
    static String check(String name, String spec, Path root) {
        if (spec.endsWith(".jar")) {
            Path jar = Path.of(spec);
            if (!Files.isRegularFile(jar)) {
                throw new UsageException(name + " " + spec + ": no such jar (give a git ref or a built benchmarks.jar)");
            }
            return "unknown (" + jar.getFileName() + ")";
        }
        Shell.Result parsed = Shell.run(root, List.of("git", "rev-parse", "--verify", "--quiet", spec + "^{commit}"));
        if (parsed.status() != 0) {
            throw new UsageException(name + " " + spec + ": not a git ref of " + root + " nor a jar file");
        }
        return parsed.output().strip();
    }

    /** Removes the worktrees {@link #resolve} made under {@code work}. */
    static void cleanUp(Path root, Path work) {
        for (String name : List.of("base", "candidate")) {
            if (Files.isDirectory(work.resolve(name))) {
                Shell.run(root, List.of("git", "worktree", "remove", "--force", work.resolve(name).toString()));
            }
        }
    }

    /** The same side with more JVM options on its forks (tests make a known-slower side this way). */
    AbSide withJvmArgs(List<String> args) {
        List<String> all = new ArrayList<>(jvmArgsAppend);
        all.addAll(args);
        return new AbSide(name, given, commit, classpath, List.copyOf(all));
    }

    /**
     * Whether this side's forks can measure in turns with the other's ({@link io.github.authbench.bench.Turns}, which
     * suites older than it lack): its classpath holds the class.
     */
    boolean takesTurns() {
        String entry = Turns.class.getName().replace('.', '/') + ".class";
        for (String element : classpath.split(File.pathSeparator)) {
            Path path = Path.of(element);
            if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(entry))) {
                return true;
            }
            if (Files.isRegularFile(path)) {
                try (ZipFile jar = new ZipFile(path.toFile())) {
                    if (jar.getEntry(entry) != null) {
                        return true;
                    }
                } catch (IOException e) {
                    // not a jar: it holds no class
                }
            }
        }
        return false;
    }

    /** A short label for progress lines: the name and what it is. */
    String label() {
        return name + " (" + (commit.startsWith("unknown") ? given : commit.substring(0, Math.min(10, commit.length())))
                + ")";
    }
}
