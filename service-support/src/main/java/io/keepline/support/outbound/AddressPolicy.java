package io.keepline.support.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses a guarded call may reach: none that is loopback, private (RFC 1918, RFC
 * 4193), link-local, cloud metadata, multicast, unspecified, shared (CGNAT) or broadcast,
 * nor an IPv6 form that embeds one of those, nor a name that only resolves inside a
 * network.
 */
final class AddressPolicy {

	private static final Set<String> INTERNAL_NAMES = Set.of("localhost", "metadata", "metadata.google.internal",
			"metadata.goog", "instance-data", "instance-data.ec2.internal");

	private static final Set<String> INTERNAL_SUFFIXES = Set.of(".localhost", ".internal", ".local", ".localdomain",
			".home.arpa", ".in-addr.arpa", ".ip6.arpa");

	private AddressPolicy() {
	}

	/** Why a host name may not be called, or null when it may be resolved and checked. */
	private static String refusalOfName(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		if (INTERNAL_NAMES.contains(name) || INTERNAL_SUFFIXES.stream().anyMatch(name::endsWith)) {
			return "internal host name";
		}
		return null;
	}

	/**
	 * Why a host, a name or an IP literal, may not be called, or null when it may be
	 * resolved and checked: a literal needs no lookup, so it is judged at once.
	 */
	static String refusalOfHost(String host) {
		String refusal = refusalOfName(host);
		if (refusal != null) {
			return refusal;
		}
		try {
			InetAddress literal = literal(host);
			return (literal != null) ? refusal(literal) : null;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * The address an IP literal (bracketed or not) stands for, parsed without a lookup;
	 * null for a name.
	 */
	static InetAddress literal(String host) throws UnknownHostException {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (bare.contains(":") || bare.chars().allMatch((c) -> c == '.' || Character.isDigit(c))) {
			return InetAddress.getByName(bare);
		}
		return null;
	}

	/**
	 * Why {@code address} may not be connected to, or null when it is a public address.
	 */
	static String refusal(InetAddress address) {
		if (address instanceof Inet6Address v6) {
			InetAddress embedded = embeddedIpv4(v6.getAddress());
			return (embedded != null) ? refusal(embedded) : refusalV6(v6);
		}
		return refusalV4(address.getAddress());
	}

	private static String refusalV4(byte[] a) {
		int b0 = a[0] & 0xff;
		int b1 = a[1] & 0xff;
		if (b0 == 0) {
			return "unspecified address";
		}
		if (b0 == 127) {
			return "loopback address";
		}
		if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
			return "private address";
		}
		if (b0 == 169 && b1 == 254) {
			return "link-local or metadata address";
		}
		if (b0 == 100 && (b1 & 0xc0) == 64) {
			return "shared (CGNAT) address";
		}
		if (b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0) {
			return "IETF protocol address";
		}
		if (b0 >= 224) {
			return "multicast or reserved address";
		}
		return null;
	}

	private static String refusalV6(Inet6Address address) {
		byte[] a = address.getAddress();
		if (address.isAnyLocalAddress()) {
			return "unspecified address";
		}
		if (address.isLoopbackAddress()) {
			return "loopback address";
		}
		if ((a[0] & 0xfe) == 0xfc) {
			return "private or metadata address";
		}
		if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
			return "link-local address";
		}
		if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0) {
			return "site-local address";
		}
		if ((a[0] & 0xff) == 0xff) {
			return "multicast address";
		}
		return null;
	}

	/**
	 * The IPv4 address inside an IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-compatible
	 * ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16}) address.
	 */
	private static InetAddress embeddedIpv4(byte[] a) {
		boolean zeroPrefix = isZero(a, 0, 10);
		boolean mapped = zeroPrefix && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
		boolean compatible = zeroPrefix && a[10] == 0 && a[11] == 0 && !isZero(a, 12, 14);
		boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
				&& isZero(a, 4, 12);
		if (mapped || compatible || nat64) {
			return v4(a[12], a[13], a[14], a[15]);
		}
		if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
			return v4(a[2], a[3], a[4], a[5]);
		}
		return null;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress v4(byte... bytes) {
		try {
			return Inet4Address.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are always an IPv4 address", ex);
		}
	}

}
