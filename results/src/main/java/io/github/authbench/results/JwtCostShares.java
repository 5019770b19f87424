package io.github.authbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a JWT strategy's check goes, per JWT library and algorithm: the crypto floor (raw JCA verification of typical
 * stateless tokens' signing inputs), the library's overhead over it (its verify of those tokens minus the crypto), and
 * the strategy's over the library (its authenticate minus the library's verify: the strict checks, the claims, the
 * principal, and any store call). The floors are measured on stateless-jwt's tokens, so for stateless-jwt the parts
 * are exact differences; another strategy's tokens differ in size (stateful-jwt's carry only a session id), so its
 * split is an estimate. Each part is a difference of two means of this run; a part whose two means overlap within
 * their errors can come out negative, and is shown as it is measured.
 *
 * @param session the session strategy's authenticate on the same store, for the ratio the headline argues about
 */
public record JwtCostShares(String strategy, String library, String algorithm, Metric authenticate,
        Metric libraryVerify, Metric crypto, Optional<Metric> session) {

    static final String STATELESS = "stateless-jwt";

    /**
     * Every JWT strategy, library and algorithm of the run with all three measurements, on {@code store}, typical
     * payload, in the run's order with each algorithm's rows together.
     */
    public static List<JwtCostShares> of(RunFindings findings, String store) {
        List<JwtCostShares> rows = new ArrayList<>();
        List<ExactMeasurement> measured = findings.rows(store, RunFindings.MAIN_PAYLOAD);
        for (ExactMeasurement jwt : measured) {
            if (!findings.run().strategy(jwt.strategy()).map(StrategyDescription::signed).orElse(false)) {
                continue;
            }
            Optional<Metric> crypto = findings.floor(RunFindings.RAW_VERIFY_FLOOR, jwt.algorithm());
            Optional<Metric> session = measured.stream()
                    .filter(m -> m.strategy().equals("session") && m.algorithm().equals(jwt.algorithm())).findFirst()
                    .flatMap(m -> findings.find(RunFindings.AUTHENTICATE, m));
            for (String library : findings.libraries()) {
                Map<String, String> axis = Map.of("codec", library);
                Optional<Metric> authenticate = findings.find(RunFindings.AUTHENTICATE, jwt, axis);
                Optional<Metric> verify = findings.floor(RunFindings.LIBRARY_FLOOR, jwt.algorithm(), axis);
                if (authenticate.isPresent() && verify.isPresent() && crypto.isPresent()) {
                    rows.add(new JwtCostShares(jwt.strategy(), library, jwt.algorithm(), authenticate.get(),
                            verify.get(), crypto.get(), session));
                }
            }
        }
        return rows;
    }

    public double totalNanos() {
        return RunFindings.nanos(authenticate);
    }

    public double cryptoNanos() {
        return RunFindings.nanos(crypto);
    }

    public double libraryNanos() {
        return RunFindings.nanos(libraryVerify) - cryptoNanos();
    }

    public double strategyNanos() {
        return totalNanos() - RunFindings.nanos(libraryVerify);
    }

    /** A part as a share of the whole authenticate, in percent. */
    public double share(double partNanos) {
        return 100 * partNanos / totalNanos();
    }

    /** The authenticate over the library's verify: how much the strategy adds, as a factor. */
    public double overLibrary() {
        return totalNanos() / RunFindings.nanos(libraryVerify);
    }

    /** How many session checks one JWT check costs, when the run has the session's. */
    public Optional<Double> timesSession() {
        return session.map(s -> totalNanos() / RunFindings.nanos(s));
    }
}
