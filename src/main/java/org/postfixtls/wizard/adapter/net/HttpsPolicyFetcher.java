package org.postfixtls.wizard.adapter.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.postfixtls.wizard.app.verify.PolicyFetcher;
import org.postfixtls.wizard.domain.verify.PolicyFetch;

/**
 * Fetches {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} under the rules a sending server applies
 * (RFC 8461 3.3): a CA-trusted certificate for the policy host, status 200, no redirects followed, media type
 * text/plain, a bounded size and time.
 */
public final class HttpsPolicyFetcher implements PolicyFetcher {

    /** RFC 8461 lets senders limit the size; 64 KB is far above any real policy. */
    static final int MAX_BYTES = 64 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final Function<String, URI> location;

    public HttpsPolicyFetcher(SSLContext tls, Duration timeout, Function<String, URI> location) {
        this.client = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
        this.timeout = timeout;
        this.location = location;
    }

    /** The JDK's trust store, five seconds, the well-known URL; one client (and its threads) for every run. */
    public static HttpsPolicyFetcher standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final HttpsPolicyFetcher INSTANCE = create();

        private static HttpsPolicyFetcher create() {
            try {
                return new HttpsPolicyFetcher(SSLContext.getDefault(), Duration.ofSeconds(5), HttpsPolicyFetcher::wellKnown);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java runtime has no TLS", e);
            }
        }
    }

    static URI wellKnown(String domain) {
        return URI.create("https://mta-sts." + domain + "/.well-known/mta-sts.txt");
    }

    @Override
    public PolicyFetch fetch(String domain) {
        URI uri = location.apply(domain);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "postfix-tls-wizard")
                .GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return judge(response, body);
            }
        } catch (HttpTimeoutException e) {
            return new PolicyFetch.NotChecked(uri.getHost() + " did not answer within " + timeout.toSeconds() + " s");
        } catch (SSLException e) {
            return new PolicyFetch.NotServed("TLS with " + uri.getHost() + " failed (" + e.getMessage()
                    + "); senders need a CA-trusted certificate for that name");
        } catch (ConnectException e) {
            // a name this computer cannot resolve may still resolve for senders (split DNS, a test zone): no verdict
            return causedBy(e, UnresolvedAddressException.class)
                    ? new PolicyFetch.NotChecked(uri.getHost() + " does not resolve from this computer")
                    : new PolicyFetch.NotServed("cannot connect to " + uri.getHost() + ":" + port(uri) + " ("
                            + e.getMessage() + ")");
        } catch (IOException e) {
            return new PolicyFetch.NotChecked("the fetch from " + uri.getHost() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PolicyFetch.NotChecked("interrupted");
        }
    }

    private static PolicyFetch judge(HttpResponse<InputStream> response, InputStream body) throws IOException {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            return new PolicyFetch.NotServed("HTTP " + status + " redirect" + response.headers().firstValue("Location")
                    .map(to -> " to " + to).orElse("") + "; senders do not follow redirects");
        }
        if (status != 200) {
            return new PolicyFetch.NotServed("HTTP " + status);
        }
        String type = response.headers().firstValue("Content-Type").orElse("(none)");
        if (!type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            return new PolicyFetch.NotServed("Content-Type is " + type + ", not text/plain");
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return new PolicyFetch.NotServed("the file is larger than " + MAX_BYTES / 1024 + " KB");
        }
        return new PolicyFetch.Fetched(new String(bytes, StandardCharsets.UTF_8));
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? 443 : uri.getPort();
    }
}
