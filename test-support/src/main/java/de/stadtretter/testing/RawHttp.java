package de.stadtretter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for requests that well-behaved clients refuse to send
 * (invalid percent-encoding, raw control bytes, thousands of headers, bodies that lie about their length).
 * One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static RawHttp localhost(int port) {
        return new RawHttp("127.0.0.1", port);
    }

    /** An answer: status, headers (names lower-case, first value), body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String contentType() {
            String type = header("content-type");
            return type == null ? null : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return status + " " + contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** A request to send: method, raw target (path and query exactly as written), headers, body. */
    public static final class Request {
        private final String method;
        private final String target;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body;
        private boolean chunked;

        public Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        public Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        public Request bearer(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Request body(String contentType, byte[] bytes) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            this.body = bytes;
            return this;
        }

        public Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends the body with {@code Transfer-Encoding: chunked}, so no {@code Content-Length} announces its size. */
        public Request chunked() {
            this.chunked = true;
            return this;
        }

        /** The same request once more (a request can be sent any number of times; a copy gets its own headers). */
        public Request copy() {
            Request copy = new Request(method, target);
            copy.headers.addAll(headers);
            copy.body = body;
            copy.chunked = chunked;
            return copy;
        }

        public String method() {
            return method;
        }

        public String target() {
            return target;
        }

        @Override
        public String toString() {
            String shownBody = body == null ? "" : " body=" + (body.length > 200
                    ? body.length + " bytes" : new String(body, StandardCharsets.ISO_8859_1));
            StringBuilder h = new StringBuilder();
            for (String[] header : headers) {
                if (!header[0].equalsIgnoreCase("Authorization")) {
                    h.append(' ').append(header[0]).append(": ").append(
                            header[1].length() > 80 ? header[1].substring(0, 80) + "…" : header[1]);
                } else {
                    h.append(" Authorization: …");
                }
            }
            String shownTarget = target.length() > 200 ? target.substring(0, 200) + "…" : target;
            return method + " " + shownTarget + h + shownBody;
        }
    }

    public Response send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((request.method + " " + request.target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            head.write(("Host: " + host + ":" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (String[] h : request.headers) {
                head.write((h[0] + ": " + h[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            if (request.body != null) {
                head.write((request.chunked ? "Transfer-Encoding: chunked\r\n"
                        : "Content-Length: " + request.body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.toByteArray());
            try {
                if (request.body != null) {
                    if (request.chunked) {
                        int chunk = 64 * 1024;
                        for (int off = 0; off < request.body.length; off += chunk) {
                            int n = Math.min(chunk, request.body.length - off);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                            out.write(request.body, off, n);
                            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        out.write(request.body);
                    }
                }
                out.flush();
            } catch (IOException e) {
                // the server may answer (413) and close before it has read the whole body: read its answer
            }
            return read(socket.getInputStream(), request.method.equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException("No HTTP answer to " + request, e);
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (!head && status != 204 && status != 304) {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (String size = line(in); size != null; size = line(in)) {
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        break;
                    }
                    body.write(in.readNBytes(n));
                    line(in);
                }
            } else if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else {
                body.write(in.readAllBytes());
            }
        }
        return new Response(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
