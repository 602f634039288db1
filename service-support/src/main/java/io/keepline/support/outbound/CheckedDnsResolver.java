package io.keepline.support.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host once per connection and hands HttpClient only addresses that passed the
 * {@link AddressPolicy}: the connection is made to the address that was checked, so a
 * name that answers differently a moment later (DNS rebinding) cannot redirect it.
 * Origins the deployment allows ({@code host:port}, the standalone's own outbox) skip the
 * address check.
 */
final class CheckedDnsResolver implements DnsResolver {

	private final HostResolver resolver;

	private final boolean guarded;

	private final Set<String> allowedLocal;

	CheckedDnsResolver(HostResolver resolver, boolean guarded, Set<String> allowedLocal) {
		this.resolver = resolver;
		this.guarded = guarded;
		this.allowedLocal = allowedLocal;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return checked(host, lookUp(host));
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		InetAddress[] addresses = lookUp(host);
		if (!this.allowedLocal.contains(origin(host, port))) {
			checked(host, addresses);
		}
		List<InetSocketAddress> endpoints = new ArrayList<>(addresses.length);
		for (InetAddress address : addresses) {
			endpoints.add(new InetSocketAddress(address, port));
		}
		return endpoints;
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

	/** IP literals are parsed, never looked up; names go to the resolver, once. */
	private InetAddress[] lookUp(String host) throws UnknownHostException {
		InetAddress literal = AddressPolicy.literal(host);
		return (literal != null) ? new InetAddress[] { literal } : this.resolver.resolve(host);
	}

	static String origin(String host, int port) {
		return host.toLowerCase(Locale.ROOT) + ":" + port;
	}

	private InetAddress[] checked(String host, InetAddress[] addresses) throws UnknownHostException {
		if (addresses.length == 0) {
			throw new UnknownHostException(host + " has no address");
		}
		if (this.guarded) {
			for (InetAddress address : addresses) {
				String refusal = AddressPolicy.refusal(address);
				if (refusal != null) {
					throw new RefusedAddressException(host + " resolves to a " + refusal);
				}
			}
		}
		return addresses;
	}

	/** A resolved address the policy refuses: no connection is attempted. */
	static final class RefusedAddressException extends UnknownHostException {

		private static final long serialVersionUID = 1L;

		RefusedAddressException(String message) {
			super(message);
		}

	}

}
