package io.github.authbench.bench.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Where JMH's output of a run goes: all of it into the run directory's {@code jmh.log}, and to the terminal only with
 * {@code --verbose} (a quick run prints thousands of lines). Otherwise the terminal gets one progress line per phase,
 * rewritten in place on a terminal (a line per step in a CI log): step i of n, elapsed, time left, and what it is.
 */
final class JmhOutput implements AutoCloseable {

    /** The terminal columns a progress line may take. */
    private static final int WIDTH = 120;

    private final PrintStream log;
    private final PrintStream terminal;
    private final boolean verbose;
    private final boolean rewrite;
    private final OutputFormat format;
    /** Where JMH's text goes: the log, or the log and the terminal. */
    private final PrintStream text;
    private String phase = "";
    private StepClock clock = new StepClock(0);
    private boolean lineOpen;

    private JmhOutput(PrintStream log, PrintStream terminal, boolean verbose, boolean rewrite) {
        this.log = log;
        this.terminal = terminal;
        this.verbose = verbose;
        this.rewrite = rewrite;
        this.text = verbose ? new PrintStream(new Tee(log, terminal), true) : log;
        this.format = new Progress(OutputFormatFactory.createFormatInstance(text, VerboseMode.NORMAL));
    }

    /** Appends to {@code file}; a terminal (a console) gets its progress line rewritten in place. */
    static JmhOutput open(Path file, boolean verbose) throws IOException {
        return new JmhOutput(new PrintStream(new FileOutputStream(file.toFile(), true), true), System.out, verbose,
                System.console() != null);
    }

    /**
     * Runs JMH with these options, its text into this output. What the forked JVMs print (a benchmark's own lines, a
     * library's log) JMH's host copies to {@code System.out} and {@code System.err}; for the run those go where JMH's
     * text goes, so the terminal keeps its one progress line.
     */
    void run(Options options) throws RunnerException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(text);
        System.setErr(text);
        try {
            new Runner(options, format).run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Starts counting the benchmarks of a phase. */
    void phase(String name, int benchmarks) {
        endLine();
        phase = name;
        clock = new StepClock(benchmarks);
    }

    /** Ends the phase's progress line. */
    void endLine() {
        if (lineOpen) {
            terminal.println();
            lineOpen = false;
        }
    }

    /** One more step of the phase: the progress line now says this. */
    void tick(String what) {
        clock.step();
        if (verbose) {
            terminal.println("  " + phase + ": " + what);
            return;
        }
        String left = clock.left().map(time -> ", about " + StepClock.minutes(time) + " left").orElse("");
        String line = String.format(Locale.ROOT, "  %s: %d of %d, %s elapsed%s: %s", phase, clock.done(),
                clock.total(), StepClock.minutes(clock.elapsed()), left, what);
        if (line.length() > WIDTH) {
            line = line.substring(0, WIDTH - 3) + "...";
        }
        if (rewrite) {
            terminal.print("\r" + line + "\033[K");
            lineOpen = true;
        } else {
            terminal.println(line);
        }
        terminal.flush();
    }

    /** The benchmark's method and the parameters that tell it apart. */
    private static String describe(BenchmarkParams params) {
        StringBuilder text = new StringBuilder(Invocation.shortName(params.getBenchmark()));
        for (String key : params.getParamsKeys()) {
            if (!key.equals("payload") && !key.equals("population") && !key.equals("store")) {
                text.append(' ').append(params.getParam(key));
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        endLine();
        log.close();
    }

    /** JMH's own text output, with a progress tick at each benchmark's start; never closes the log under it. */
    private final class Progress implements OutputFormat {
        private final OutputFormat text;

        Progress(OutputFormat text) {
            this.text = text;
        }

        @Override
        public void startBenchmark(BenchmarkParams params) {
            tick(describe(params));
            text.startBenchmark(params);
        }

        @Override
        public void iteration(BenchmarkParams params, IterationParams iteration, int index) {
            text.iteration(params, iteration, index);
        }

        @Override
        public void iterationResult(BenchmarkParams params, IterationParams iteration, int index,
                IterationResult result) {
            text.iterationResult(params, iteration, index, result);
        }

        @Override
        public void endBenchmark(BenchmarkResult result) {
            text.endBenchmark(result);
        }

        @Override
        public void startRun() {
            text.startRun();
        }

        @Override
        public void endRun(Collection<RunResult> results) {
            text.endRun(results);
        }

        @Override
        public void print(String s) {
            text.print(s);
        }

        @Override
        public void println(String s) {
            text.println(s);
        }

        @Override
        public void flush() {
            text.flush();
        }

        @Override
        public void close() {
            text.flush();
        }

        @Override
        public void verbosePrintln(String s) {
            text.verbosePrintln(s);
        }

        @Override
        public void write(int b) {
            text.write(b);
        }

        @Override
        public void write(byte[] b) throws IOException {
            text.write(b);
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
