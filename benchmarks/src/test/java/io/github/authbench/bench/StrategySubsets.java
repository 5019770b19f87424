package io.github.authbench.bench;

import io.github.authbench.strategy.Strategies;
import io.github.authbench.strategy.StrategyKind;
import io.github.authbench.strategy.StrategyTraits;
import java.util.List;

/**
 * The tests' statement of which strategies each operation applies to, by trait: an operation that does nothing for a
 * strategy is not run. The build writes the benchmarks' lists from the same traits ({@code benchmarks/src/build}).
 */
public final class StrategySubsets {

    /** Login, authenticate, reject: every strategy has them. */
    public static final List<String> ALL = Strategies.ids();

    /** Refresh: the strategies whose {@code refresh} exchanges a credential. */
    public static final List<String> REFRESHABLE = StrategyKind.ids(StrategyTraits::refreshable);

    /** Logout: the strategies whose logout changes server state (for the others it does nothing). */
    public static final List<String> WITH_SERVER_STATE = StrategyKind.ids(StrategyTraits::keepsServerState);

    /** Revocation latency from node A to node B: the strategies whose logout ends the access credential at once. */
    public static final List<String> REVOKED_AT_ONCE = StrategyKind.ids(StrategyTraits::logoutRevokesAtOnce);

    private StrategySubsets() {
    }
}
