package io.github.authbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a stateless JWT's check goes, per JWT library and algorithm: the crypto floor (raw JCA verification of the
 * same signing inputs), the library's overhead over it (its verify minus the crypto), and the strategy's over the
 * library (stateless-jwt's authenticate minus the library's verify: the strict checks, the claims, the principal).
 * Each part is a difference of two means of this run; a part whose two means overlap within their errors can come out
 * negative, and is shown as it is measured.
 *
 * @param session the session strategy's authenticate on the same store, for the ratio the headline argues about
 */
public record JwtCostShares(String library, String algorithm, Metric authenticate, Metric libraryVerify,
        Metric crypto, Optional<Metric> session) {

    static final String STRATEGY = "stateless-jwt";

    /** Every library and algorithm of the run with all three measurements, on {@code store}, typical payload. */
    public static List<JwtCostShares> of(RunFindings findings, String store) {
        List<JwtCostShares> rows = new ArrayList<>();
        List<ExactMeasurement> measured = findings.rows(store, RunFindings.MAIN_PAYLOAD);
        for (ExactMeasurement jwt : measured) {
            if (!jwt.strategy().equals(STRATEGY)) {
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
                    rows.add(new JwtCostShares(library, jwt.algorithm(), authenticate.get(), verify.get(), crypto.get(),
                            session));
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
