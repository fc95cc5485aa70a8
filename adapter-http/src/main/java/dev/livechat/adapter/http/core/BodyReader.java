package dev.livechat.adapter.http.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livechat.adapter.http.json.Json;
import dev.livechat.domain.error.BusinessRuleException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Step 2 of the pipeline (contract 1.6): media type (415), size (413, reading never more than the limit plus one
 * byte), strict JSON (400 {@code Invalid JSON body}) and a top-level object (400 {@code must be object}).
 */
final class BodyReader {

    private BodyReader() {
    }

    /** A request refused before its handler, with the response to send. */
    static final class Rejected extends RuntimeException {
        final transient ApiResponse response;

        Rejected(ApiResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    /**
     * Reads and parses the body.
     *
     * @return the body object, {@code {}} when the request has no body
     * @throws Rejected              for 413 and 415
     * @throws BusinessRuleException for malformed JSON and a non-object top level
     */
    static ObjectNode read(RawRequest request, int maxBytes) {
        RequestBody body = request.body();
        long declared = body.declaredLength();
        if (declared == 0) {
            return Json.object();
        }
        InputStream in = body.open();
        if (!isJson(request.headers())) {
            // A chunked body may still turn out empty, which is no body at all: peek one byte.
            if (declared == RequestBody.UNKNOWN_LENGTH && readUpTo(in, 1).length == 0) {
                return Json.object();
            }
            throw new Rejected(ErrorMapper.unsupportedMediaType());
        }
        if (declared > maxBytes) {
            throw new Rejected(ErrorMapper.payloadTooLarge());
        }
        int cap = declared > 0 ? (int) declared : maxBytes + 1;
        byte[] bytes = readUpTo(in, cap);
        if (bytes.length > maxBytes) {
            throw new Rejected(ErrorMapper.payloadTooLarge());
        }
        if (declared > 0 && bytes.length < declared) {
            throw invalidJson(); // truncated: the client went away mid-body
        }
        if (bytes.length == 0) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.parse(bytes);
        } catch (Json.InvalidJsonException e) {
            throw invalidJson();
        }
        if (!node.isObject()) {
            throw BusinessRuleException.invalidParams("must be object");
        }
        return (ObjectNode) node;
    }

    /** True when the request has no {@code Content-Type} or only {@code application/json} (with any parameters). */
    static boolean isJson(RequestHeaders headers) {
        for (String value : headers.all("Content-Type")) {
            int semicolon = value.indexOf(';');
            String mediaType = (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            if (!mediaType.isEmpty() && !mediaType.equals("application/json")) {
                return false;
            }
        }
        return true;
    }

    private static BusinessRuleException invalidJson() {
        return BusinessRuleException.invalidParams("Invalid JSON body");
    }

    /** Reads until EOF or {@code cap} bytes, whichever comes first; an I/O failure counts as a truncated body. */
    private static byte[] readUpTo(InputStream in, int cap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, 8192));
        byte[] buffer = new byte[Math.min(cap, 8192)];
        int total = 0;
        try {
            while (total < cap) {
                int n = in.read(buffer, 0, Math.min(buffer.length, cap - total));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw invalidJson();
        }
        return out.toByteArray();
    }
}
