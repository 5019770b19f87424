package io.github.authbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stateless JWT's check split per library into crypto, library and strategy, from the same run's floors; the
 * headline keeps reading the default library, whatever order the results came in.
 */
class JwtCostSharesTest {

    @TempDir
    Path runs;

    private RunDirectory run() {
        return RunDirectory.load(new RunFixture().libraries("jjwt", "java-jwt")
                .exact(RunFixture.measurement("session", 60, 0))
                .exact(RunFixture.measurement("stateless-jwt", 400, 600_000))
                .codec("java-jwt")
                .timed("AuthenticateBenchmark.authenticate", "stateless-jwt", "ns/op", 4400, 4400)
                .floor("FloorBenchmark.libraryVerify", "HS256", 4000, 4000)
                .codec("jjwt")
                .timed("AuthenticateBenchmark.authenticate", "session", "ns/op", 100, 100)
                .timed("AuthenticateBenchmark.authenticate", "stateless-jwt", "ns/op", 12000, 12000)
                .floor("FloorBenchmark.libraryVerify", "HS256", 11000, 11000)
                .codec(null)
                .floor("FloorBenchmark.rawVerify", "HS256", 500, 500)
                .write(runs.resolve("run")));
    }

    @Test
    void eachLibrarysCheckIsCryptoPlusLibraryPlusStrategy() {
        List<JwtCostShares> rows = JwtCostShares.of(new RunFindings(run()), "CAFFEINE");

        assertThat(rows).extracting(JwtCostShares::library).containsExactly("jjwt", "java-jwt");
        assertThat(rows).extracting(JwtCostShares::strategy).containsOnly("stateless-jwt");
        JwtCostShares jjwt = rows.get(0);
        assertThat(jjwt.cryptoNanos()).isEqualTo(500);
        assertThat(jjwt.libraryNanos()).isEqualTo(10_500);
        assertThat(jjwt.strategyNanos()).isEqualTo(1_000);
        assertThat(jjwt.overLibrary()).isCloseTo(12000.0 / 11000, within(1e-9));
        assertThat(jjwt.timesSession()).contains(120.0);
        JwtCostShares javaJwt = rows.get(1);
        assertThat(javaJwt.libraryNanos()).isEqualTo(3_500);
        assertThat(javaJwt.strategyNanos()).isEqualTo(400);
        assertThat(javaJwt.share(javaJwt.cryptoNanos())).isCloseTo(100 * 500 / 4400.0, within(1e-9));
        assertThat(javaJwt.timesSession()).contains(44.0);
    }

    @Test
    void aSessionMeasuredAtOneAlgorithmIsFoundAtEveryAlgorithmAJwtIsNot() {
        RunFindings findings = new RunFindings(run());
        ExactMeasurement sessionAtEs256 = new ExactMeasurement("session", "ES256", "TYPICAL", "CAFFEINE", 60, 82, 80,
                112, true, true, null, 700, 1, 1, 1, 0, 0, 0, 0);
        ExactMeasurement jwtAtEs256 = new ExactMeasurement("stateless-jwt", "ES256", "TYPICAL", "CAFFEINE", 400, 422,
                420, 452, true, true, null, 700, 1, 0, 1, 0, 0, 0, 0);

        assertThat(findings.find(RunFindings.AUTHENTICATE, sessionAtEs256).map(Metric::score)).contains(100.0);
        assertThat(findings.find(RunFindings.AUTHENTICATE, jwtAtEs256)).isEmpty();
    }

    @Test
    void withoutNamingALibraryAFindingIsTheDefaultLibrarys() {
        RunFindings findings = new RunFindings(run());
        ExactMeasurement jwt = findings.rows("CAFFEINE", "TYPICAL").get(1);

        assertThat(findings.find(RunFindings.AUTHENTICATE, jwt).map(Metric::score)).isEqualTo(Optional.of(12000.0));
        assertThat(findings.floor(RunFindings.LIBRARY_FLOOR, "HS256").map(Metric::score)).contains(11000.0);
    }
}
