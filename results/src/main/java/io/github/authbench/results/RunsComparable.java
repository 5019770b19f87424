package io.github.authbench.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Whether two runs can be compared at all: the same settings, and the same machine unless told otherwise. */
final class RunsComparable {

    private RunsComparable() {
    }

    /**
     * The differences between the two runs' machines (empty on one machine).
     *
     * @throws BadRunException when the runs were made with other settings, or on other machines without
     *     {@link CompareSettings#allowOtherMachine()}
     */
    static List<String> check(RunDirectory baseline, RunDirectory candidate, CompareSettings settings) {
        RunManifest a = baseline.manifest();
        RunManifest b = candidate.manifest();
        List<String> setup = new ArrayList<>();
        differ(setup, "profile", a.profile(), b.profile());
        differ(setup, "parameters", a.parameters(), b.parameters());
        differ(setup, "JMH settings", settings(a), settings(b));
        differ(setup, "extra JMH arguments", a.extraJmhArguments(), b.extraJmhArguments());
        if (!setup.isEmpty()) {
            throw new BadRunException("runs made with different settings (" + String.join("; ", setup)
                    + "): " + baseline.path() + " vs " + candidate.path());
        }
        List<String> machine = new ArrayList<>();
        differ(machine, "CPU", a.environment().cpu(), b.environment().cpu());
        differ(machine, "cores", a.environment().cores(), b.environment().cores());
        differ(machine, "JVM", a.environment().jvm(), b.environment().jvm());
        if (!machine.isEmpty() && !settings.allowOtherMachine()) {
            throw new BadRunException("runs from different machines (" + String.join("; ", machine)
                    + "): their numbers are not comparable; --allow-other-machine compares them anyway");
        }
        return machine;
    }

    /**
     * The JMH settings but the ab session's name and design: two separate ab sessions' sides are comparable runs, and
     * so is a side of one with a run of its own.
     */
    private static Map<String, Object> settings(RunManifest manifest) {
        Map<String, Object> settings = new HashMap<>(manifest.jmh());
        settings.remove(ComparisonDesign.SESSION);
        settings.remove(ComparisonDesign.IN_TURNS);
        return settings;
    }

    private static void differ(List<String> differences, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            differences.add(what + " " + a + " vs " + b);
        }
    }
}
