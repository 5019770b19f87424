package io.github.authbench.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.authbench.results.RunDirectory;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.http.FullHttpResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * How one request ended: as its workload expected, or failed with a short label a person can act on ({@code 401
 * REVOKED}, {@code no answer}): a step counts its failures by label, so a row that fails says why.
 *
 * @param failure null when the request went as expected
 */
record Outcome(String failure) {

    static final Outcome OK = new Outcome(null);
    static final Outcome NO_ANSWER = new Outcome("no answer");
    /** The longest error name kept from an answer's body: the strategies' reasons are one word. */
    private static final int MAX_ERROR_CHARS = 40;

    static Outcome failed(String failure) {
        return new Outcome(failure);
    }

    boolean ok() {
        return failure == null;
    }

    /**
     * {@code 200 OK} is as expected; another status fails with its code and the error its JSON body names (the
     * server's {@code {"error": "EXPIRED"}}), or the code alone. A target may be any server, so the name is cut to a
     * few safe characters.
     */
    static Outcome of(FullHttpResponse answerOrNull) {
        if (answerOrNull == null) {
            return NO_ANSWER;
        }
        int status = answerOrNull.status().code();
        if (status == 200) {
            return OK;
        }
        String error = error(answerOrNull);
        return failed(error.isEmpty() ? Integer.toString(status) : status + " " + error);
    }

    private static String error(FullHttpResponse answer) {
        try (InputStream body = new ByteBufInputStream(answer.content().duplicate())) {
            JsonNode json = RunDirectory.JSON.readTree(body);
            JsonNode error = json == null ? null : json.get("error");
            String text = error != null && error.isTextual() ? error.asText().replaceAll("[^A-Za-z0-9_.-]", "") : "";
            return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
        } catch (IOException notJson) {
            return "";
        }
    }
}
