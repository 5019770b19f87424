package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failed request is counted under what happened to it, in words a person can act on, whatever the server sent. */
class OutcomeTest {

    private static FullHttpResponse answer(int status, String body) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    }

    @Test
    void twoHundredIsAsExpectedAndNoAnswerSaysSo() {
        assertThat(Outcome.of(answer(200, "{\"error\": \"ignored\"}")).ok()).isTrue();
        assertThat(Outcome.of(null).failure()).isEqualTo("no answer");
    }

    @Test
    void aRefusalIsItsStatusAndTheErrorItsBodyNames() {
        assertThat(Outcome.of(answer(401, "{\"error\": \"REVOKED\"}")).failure()).isEqualTo("401 REVOKED");
        assertThat(Outcome.of(answer(503, "{\"error\": \"UNAVAILABLE\"}")).failure()).isEqualTo("503 UNAVAILABLE");
    }

    @Test
    void aBodyWithoutANamedErrorLeavesTheStatusAlone() {
        for (String body : new String[] {"", "not json", "[1]", "{}", "{\"error\": 5}", "{\"error\": {\"a\": 1}}",
            "{\"error\": null}", "{\"error\": \"\"}", "{\"error\": \"<>;\"}", "{\"error\": \"x\"", "null"}) {
            assertThat(Outcome.of(answer(404, body)).failure()).as(body).isEqualTo("404");
        }
    }

    @Test
    void aHostileErrorNameIsCutToAFewSafeCharacters() {
        String failure = Outcome.of(answer(401, "{\"error\": \"A\\r\\nSet-Cookie: x=1; " + "B".repeat(500) + "\"}"))
                .failure();
        assertThat(failure).startsWith("401 ASet-Cookiex1B").hasSize("401 ".length() + 40).matches("[0-9A-Za-z _.-]+");
    }

    @Test
    void readingTheBodyLeavesItForOthersToRead() {
        FullHttpResponse refused = answer(401, "{\"error\": \"EXPIRED\"}");
        Outcome.of(refused);
        assertThat(refused.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"error\": \"EXPIRED\"}");
    }

    @Test
    void aStepKeepsAFewKindsApartAndCountsTheRestTogether() {
        Map<String, Long> failures = new HashMap<>();
        for (int kind = 0; kind < LoadStep.FAILURE_KINDS + 3; kind++) {
            LoadStep.count(failures, "40" + kind);
            LoadStep.count(failures, "40" + kind);
        }
        LoadStep.count(failures, "400");
        assertThat(failures).hasSize(LoadStep.FAILURE_KINDS + 1)
                .containsEntry("400", 3L)
                .containsEntry("407", 2L)
                .containsEntry(LoadStep.OTHER_FAILURES, 6L);
    }
}
