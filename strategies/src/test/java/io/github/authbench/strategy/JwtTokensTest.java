package io.github.authbench.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Every token a JWT strategy issues takes the strict header check's fast path: its header is one the instance knows. */
class JwtTokensTest {

    static Stream<StrategyCase> jwtCases() {
        return StrategyCase.jwt();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtCases")
    void issuedTokensCarryAHeaderTheInstanceKnows(StrategyCase c) {
        StrategyConfig config = StrategyConfig.builder().keys(TestKeys.of(c.algorithm())).library(c.library()).build();
        JwtTokens tokens = new JwtTokens(config);
        try (AuthStrategy strategy = Strategies.create(c.id(), config)) {
            String token = strategy.login(StrategyContractTest.ALICE).access();

            assertThat(tokens.ownHeaders()).contains(token.substring(0, token.indexOf('.')));
        }
    }
}
