package io.github.authbench.strategy;

import java.util.List;

/** Creating strategies by id, for callers that hold an id (a command line, a report); the list is {@link StrategyKind}. */
public final class Strategies {

    private static final List<String> IDS = StrategyKind.ids(traits -> true);

    private Strategies() {
    }

    /** Every strategy id, in catalogue order. */
    public static List<String> ids() {
        return IDS;
    }

    /** A new instance of the strategy; it generates its own keys and store unless the config shares some. */
    public static AuthStrategy create(String id, StrategyConfig config) {
        return StrategyKind.of(id).create(config);
    }
}
