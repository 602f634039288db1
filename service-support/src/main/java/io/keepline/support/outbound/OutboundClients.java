package io.keepline.support.outbound;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Makes the outbound clients of a service: {@link #guarded} for addresses that come from
 * data (holder webhooks), {@link #trusted} for addresses from configuration (operator
 * webhooks, the SMS provider). Both share the limits of {@link OutboundSettings}; the
 * caller owns and closes each client.
 */
public final class OutboundClients {

	private static final AtomicInteger threads = new AtomicInteger();

	private final OutboundSettings settings;

	private final HostResolver resolver;

	private final Clock clock;

	public OutboundClients(OutboundSettings settings, HostResolver resolver, Clock clock) {
		this.settings = settings;
		this.resolver = resolver;
		this.clock = clock;
	}

	/**
	 * A client for URLs from data: https only, public addresses only (checked and
	 * pinned), except the allowed local origins; at most {@code per-host-concurrency}
	 * calls per host, and a host that ran out of time is refused for the cool-down.
	 */
	public OutboundClient guarded(Duration deadline) {
		return build(deadline, true);
	}

	/**
	 * A client for URLs from configuration: any address, http allowed, no per-host limit
	 * below {@code max-concurrent-calls} and no cool-down.
	 */
	public OutboundClient trusted(Duration deadline) {
		return build(deadline, false);
	}

	private OutboundClient build(Duration deadline, boolean guarded) {
		Set<String> origins = this.settings.allowedLocalOrigins()
			.stream()
			.map((origin) -> origin.getScheme().toLowerCase(Locale.ROOT) + "://"
					+ CheckedDnsResolver.origin(origin.getHost(), origin.getPort()))
			.collect(Collectors.toUnmodifiableSet());
		Set<String> hostPorts = this.settings.allowedLocalOrigins()
			.stream()
			.map((URI origin) -> CheckedDnsResolver.origin(origin.getHost(), origin.getPort()))
			.collect(Collectors.toUnmodifiableSet());
		Timeout timeout = Timeout.of(deadline);
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(new CheckedDnsResolver(this.resolver, guarded, hostPorts))
			.setDefaultConnectionConfig(
					ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
			.setMaxConnPerRoute(this.settings.perHostConcurrency())
			.setMaxConnTotal(this.settings.maxConcurrentCalls())
			.build();
		CloseableHttpClient http = HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(timeout)
				.setResponseTimeout(timeout)
				.setRedirectsEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("Keepline")
			.build();
		ThreadPoolExecutor workers = new ThreadPoolExecutor(0, this.settings.maxConcurrentCalls(), 30, TimeUnit.SECONDS,
				new SynchronousQueue<>(), daemon(guarded ? "guarded" : "trusted"));
		// A configured provider is one host that serves every send: only hosts from data
		// are
		// limited per host and cooled down, or one slow answer would stop every SMS for a
		// minute.
		ConcurrencyLimits hosts = guarded
				? new ConcurrencyLimits(this.settings.perHostConcurrency(), this.settings.slowHostCoolDown(),
						this.clock)
				: new ConcurrencyLimits(this.settings.maxConcurrentCalls(), Duration.ZERO, this.clock);
		return new OutboundClient(http, workers, hosts, deadline, this.settings.maxResponseSize().toBytes(), guarded,
				origins);
	}

	private static ThreadFactory daemon(String kind) {
		return (task) -> {
			Thread thread = new Thread(task, "keepline-outbound-" + kind + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
