package io.keepline.support.outbound;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.support.outbound.OutboundException.Reason;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.ContentType;

/**
 * POSTs to one kind of address with an overall deadline (connect, headers and body
 * together), a response-size cap, no redirects, and a limit of calls in flight per host.
 * A guarded client (addresses from data) also calls only {@code https} and only public
 * addresses, checked and pinned by its resolver. The caller's thread waits at most the
 * deadline: the exchange runs on the client's own threads and is cancelled when it ends.
 */
public final class OutboundClient implements AutoCloseable {

	private final CloseableHttpClient http;

	private final ExecutorService workers;

	private final ConcurrencyLimits hosts;

	private final Duration deadline;

	private final long maxResponseBytes;

	private final boolean guarded;

	private final Set<String> allowedLocal;

	OutboundClient(CloseableHttpClient http, ExecutorService workers, ConcurrencyLimits hosts, Duration deadline,
			long maxResponseBytes, boolean guarded, Set<String> allowedLocal) {
		this.http = http;
		this.workers = workers;
		this.hosts = hosts;
		this.deadline = deadline;
		this.maxResponseBytes = maxResponseBytes;
		this.guarded = guarded;
		this.allowedLocal = allowedLocal;
	}

	/**
	 * The answer's status and body; the body is read up to the cap, within the deadline.
	 */
	public OutboundResponse post(OutboundRequest request) {
		return exchange(request, true);
	}

	/**
	 * Only the answer's status: the connection is dropped once the status line and
	 * headers arrived, so a body sent slowly costs nothing.
	 */
	public int postForStatus(OutboundRequest request) {
		return exchange(request, false).status();
	}

	/**
	 * Refuses, as a call to it would and without taking any slot, a URL this client never
	 * calls: not http(s) with a host, or for a guarded client not https, an internal name
	 * or an internal IP literal (a name that resolves inside is refused when called).
	 * @throws OutboundException with {@link Reason#REFUSED}
	 */
	public void check(URI url) {
		checked(url);
	}

	public Duration deadline() {
		return this.deadline;
	}

	private OutboundResponse exchange(OutboundRequest request, boolean readBody) {
		URI url = checked(request.url());
		String host = url.getHost().toLowerCase(Locale.ROOT);
		if (!this.hosts.tryEnter(host)) {
			throw new OutboundException(Reason.BUSY, host + " is at its limit of calls or cooling down", null);
		}
		HttpPost post = new HttpPost(url);
		request.headers().forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.contentType())));
		Future<OutboundResponse> call;
		try {
			call = this.workers.submit(() -> {
				try {
					return execute(post, readBody);
				}
				finally {
					this.hosts.leave(host);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.hosts.leave(host);
			throw new OutboundException(Reason.BUSY, "too many outbound calls in flight", ex);
		}
		return await(call, post, host);
	}

	private OutboundResponse await(Future<OutboundResponse> call, HttpPost post, String host) {
		try {
			return call.get(this.deadline.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			post.cancel();
			call.cancel(true);
			this.hosts.coolDown(host);
			throw new OutboundException(Reason.DEADLINE, host + " did not answer within " + this.deadline, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof OutboundException failure) {
				throw failure;
			}
			throw new OutboundException(Reason.UNREACHABLE, host + " could not be called", ex.getCause());
		}
		catch (InterruptedException ex) {
			post.cancel();
			Thread.currentThread().interrupt();
			throw new OutboundException(Reason.UNREACHABLE, "interrupted while calling " + host, ex);
		}
	}

	private OutboundResponse execute(HttpPost post, boolean readBody) {
		try {
			ClassicHttpResponse response = this.http.executeOpen(null, post, null);
			if (!readBody) {
				post.cancel();
				closeQuietly(response);
				return new OutboundResponse(response.getCode(), new byte[0]);
			}
			try (response) {
				return new OutboundResponse(response.getCode(), body(response.getEntity(), post));
			}
		}
		catch (CheckedDnsResolver.RefusedAddressException ex) {
			throw new OutboundException(Reason.REFUSED, ex.getMessage(), null);
		}
		catch (IOException ex) {
			throw new OutboundException(Reason.UNREACHABLE, post.getAuthority() + " could not be called", ex);
		}
	}

	/**
	 * Reads at most the cap; a larger answer drops the connection rather than drain it.
	 */
	private byte[] body(HttpEntity entity, HttpPost post) throws IOException {
		if (entity == null) {
			return new byte[0];
		}
		byte[] bytes = new byte[0];
		if (entity.getContentLength() <= this.maxResponseBytes) {
			bytes = entity.getContent().readNBytes((int) this.maxResponseBytes + 1);
		}
		if (entity.getContentLength() > this.maxResponseBytes || bytes.length > this.maxResponseBytes) {
			post.cancel();
			throw tooLarge();
		}
		return bytes;
	}

	private static void closeQuietly(ClassicHttpResponse response) {
		try {
			response.close();
		}
		catch (IOException ex) {
			// the connection was dropped on purpose
		}
	}

	private OutboundException tooLarge() {
		return new OutboundException(Reason.TOO_LARGE,
				"the answer is larger than " + this.maxResponseBytes + " bytes (keepline.outbound.max-response-size)",
				null);
	}

	private URI checked(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (url.getHost() == null || url.getUserInfo() != null || !scheme.equals("https") && !scheme.equals("http")) {
			throw new OutboundException(Reason.REFUSED, "not an http(s) URL with a host and no user info", null);
		}
		if (!this.guarded) {
			return url;
		}
		int port = (url.getPort() >= 0) ? url.getPort() : (scheme.equals("https") ? 443 : 80);
		boolean allowedLocal = this.allowedLocal
			.contains(scheme + "://" + CheckedDnsResolver.origin(url.getHost(), port));
		if (!allowedLocal && !scheme.equals("https")) {
			throw new OutboundException(Reason.REFUSED, "only https URLs may be called", null);
		}
		String refusal = allowedLocal ? null : AddressPolicy.refusalOfHost(url.getHost());
		if (refusal != null) {
			throw new OutboundException(Reason.REFUSED, url.getHost() + " is refused: " + refusal, null);
		}
		return url;
	}

	@Override
	public void close() throws IOException {
		this.workers.shutdownNow();
		this.http.close();
	}

}
