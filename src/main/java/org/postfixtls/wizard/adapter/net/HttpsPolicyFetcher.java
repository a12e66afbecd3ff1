package org.postfixtls.wizard.adapter.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /**
     * One time limit for the whole fetch — connection, headers and body: the request timeout alone ends at the
     * headers, and a server trickling the body would hold the fetch for as long as it likes.
     */
    @Override
    public PolicyFetch fetch(String domain) {
        URI uri = location.apply(domain);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "postfix-tls-wizard")
                .GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new BoundedBody(MAX_BYTES + 1));
        try {
            return judge(exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new PolicyFetch.NotChecked(uri.getHost() + " did not send the policy within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return failed(uri, e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new PolicyFetch.NotChecked("interrupted");
        }
    }

    private PolicyFetch failed(URI uri, Throwable failure) {
        return switch (failure) {
            case HttpTimeoutException e ->
                    new PolicyFetch.NotChecked(uri.getHost() + " did not answer within " + timeout.toSeconds() + " s");
            case SSLException e -> new PolicyFetch.NotServed("TLS with " + uri.getHost() + " failed (" + e.getMessage()
                    + "); senders need a CA-trusted certificate for that name");
            // a name this computer cannot resolve may still resolve for senders (split DNS, a test zone): no verdict
            case ConnectException e -> causedBy(e, UnresolvedAddressException.class)
                    ? new PolicyFetch.NotChecked(uri.getHost() + " does not resolve from this computer")
                    : new PolicyFetch.NotServed("cannot connect to " + uri.getHost() + ":" + port(uri) + " ("
                            + e.getMessage() + ")");
            case IOException e -> new PolicyFetch.NotChecked("the fetch from " + uri.getHost() + " failed: " + e.getMessage());
            case RuntimeException e -> new PolicyFetch.NotChecked("the fetch from " + uri.getHost() + " failed: " + e);
            case Error e -> throw e;
            default -> new PolicyFetch.NotChecked("the fetch from " + uri.getHost() + " failed: " + failure);
        };
    }

    private static PolicyFetch judge(HttpResponse<byte[]> response) {
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
        byte[] bytes = response.body();
        if (bytes.length > MAX_BYTES) {
            return new PolicyFetch.NotServed("the file is larger than " + MAX_BYTES / 1024 + " KB");
        }
        return new PolicyFetch.Fetched(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Collects at most {@code limit} bytes, then stops reading: an endless body costs nothing beyond the limit. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            if (bytes.size() >= limit) {
                subscription.cancel();
                result.complete(bytes.toByteArray());
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
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
