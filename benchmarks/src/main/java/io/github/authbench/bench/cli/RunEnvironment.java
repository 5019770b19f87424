package io.github.authbench.bench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** What a run ran on, so its numbers describe themselves: JDK, OS, CPU, cores, memory, commit, library versions. */
record RunEnvironment(String jdkVendor, String jdkVersion, String jvm, String os, String cpu, int cores,
        long memoryBytes, String gitCommit, Map<String, String> libraries) {

    /** Libraries whose versions shape the numbers, as Maven coordinates of the jars on the classpath. */
    private static final List<String> LIBRARIES = List.of(
            "io.jsonwebtoken/jjwt-api", "io.jsonwebtoken/jjwt-impl", "com.github.ben-manes.caffeine/caffeine",
            "redis.clients/jedis", "org.openjdk.jmh/jmh-core", "com.fasterxml.jackson.core/jackson-databind");

    static RunEnvironment capture() {
        Map<String, String> libraries = new LinkedHashMap<>();
        for (String library : LIBRARIES) {
            libraries.put(library.replace('/', ':'), mavenVersion(library));
        }
        return new RunEnvironment(
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

    /** One line for the console, with the core count every number depends on. */
    String oneLine() {
        return "JDK " + jdkVersion + " (" + jdkVendor + "), " + cores + " cores, " + cpu + ", " + os;
    }

    private static String mavenVersion(String library) {
        String resource = "META-INF/maven/" + library + "/pom.properties";
        try (InputStream in = RunEnvironment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
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

    /** The run's own description: profile, stores, parameters, times. */
    record RunInfo(int schemaVersion, String profile, List<String> stores, String redis, Map<String, List<String>> parameters,
            Map<String, Object> jmh, List<String> extraJmhArguments, Instant started, Instant finished,
            RunEnvironment environment) {
    }
}
