package io.keepline.support.outbound;

import java.net.URI;
import java.util.Map;

/**
 * A POST to make: where to, its content type and bytes, and extra headers.
 */
public record OutboundRequest(URI url, String contentType, byte[] body, Map<String, String> headers) {

	public OutboundRequest {
		headers = Map.copyOf(headers);
	}

	@Override
	public String toString() {
		return "OutboundRequest[host=" + this.url.getHost() + ", bytes=" + this.body.length + "]";
	}

}
