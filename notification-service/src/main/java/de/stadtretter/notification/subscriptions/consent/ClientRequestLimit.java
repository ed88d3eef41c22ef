package de.stadtretter.notification.subscriptions.consent;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.stadtretter.kit.web.TooManyRequestsException;
import de.stadtretter.notification.config.NotificationProperties;

/**
 * At most {@code client-request-limit} subscription requests per client address and {@code client-request-window}
 * (a fixed window), counted in PostgreSQL so that all replicas share the count. The address is kept only as an HMAC.
 */
@Component
public class ClientRequestLimit {

    private final JdbcClient jdbc;
    private final NotificationProperties properties;
    private final SecretKeySpec key;

    public ClientRequestLimit(JdbcClient jdbc, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.key = new SecretKeySpec(("client-limit:" + properties.tokenSecret()).getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
    }

    /** Counts one request from {@code address}; throws {@link TooManyRequestsException} beyond the limit. */
    public void count(String address) {
        Duration window = properties.clientRequestWindow();
        record Window(int requests, Instant start) {}
        Window now = jdbc.sql("""
                insert into client_request_window as w (client_key, window_start, requests)
                values (:key, now(), 1)
                on conflict (client_key) do update set
                    requests = case when w.window_start <= now() - make_interval(secs => :window) then 1
                        else w.requests + 1 end,
                    window_start = case when w.window_start <= now() - make_interval(secs => :window) then now()
                        else w.window_start end
                returning requests, window_start""")
                .param("key", hash(address == null ? "unknown" : address))
                .param("window", window.toSeconds())
                .query((rs, row) -> new Window(rs.getInt(1), rs.getTimestamp(2).toInstant()))
                .single();
        if (now.requests() > properties.clientRequestLimit()) {
            Duration wait = Duration.between(Instant.now(), now.start().plus(window));
            throw new TooManyRequestsException("Too many subscription requests from your address; please try again "
                    + "later.", wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
    }

    /** Forgets windows that have passed; returns how many. */
    public int deletePassed() {
        return jdbc.sql("delete from client_request_window where window_start < :before")
                .param("before", Timestamp.from(Instant.now().minus(properties.clientRequestWindow())))
                .update();
    }

    private String hash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
