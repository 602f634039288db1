package io.keepline.support.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into addresses: the system's DNS by default, a bean of this type in
 * tests (a resolver that answers differently on each call is how a DNS-rebinding attack
 * looks).
 */
@FunctionalInterface
public interface HostResolver {

	/** The system's resolver. */
	HostResolver SYSTEM = InetAddress::getAllByName;

	InetAddress[] resolve(String host) throws UnknownHostException;

}
