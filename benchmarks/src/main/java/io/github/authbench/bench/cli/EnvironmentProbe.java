package io.github.authbench.bench.cli;

import io.github.authbench.results.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Finds out what a run runs on, so its numbers describe themselves: JDK, OS, CPU, cores, memory, commit, libraries. */
final class EnvironmentProbe {

    /** Written at build time from the pom's pinned versions: shaded jars lose the libraries' own metadata. */
    private static final String LIBRARY_VERSIONS = "library-versions.properties";

    private EnvironmentProbe() {
    }

    static Environment capture() {
        Map<String, String> libraries = new TreeMap<>();
        readLibraryVersions().forEach((name, version) -> libraries.put(name.toString(), version.toString()));
        return new Environment(
                System.getProperty("java.vendor"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                readCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                readPhysicalMemory(),
                readGitCommit(),
                libraries);
    }

    private static Properties readLibraryVersions() {
        Properties versions = new Properties();
        try (InputStream in = EnvironmentProbe.class.getResourceAsStream(LIBRARY_VERSIONS)) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            versions.clear();
        }
        return versions;
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long readPhysicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String readGitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
