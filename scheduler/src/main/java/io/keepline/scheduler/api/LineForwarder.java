package io.keepline.scheduler.api;

import io.keepline.contracts.Msisdn;
import org.apache.kafka.streams.state.HostInfo;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks the instance that owns a line for it, passing the caller's key along, and relays
 * the answer as it is (a line report, or a problem detail).
 */
@Component
class LineForwarder {

	private final RestClient http;

	LineForwarder() {
		this.http = RestClient.create();
	}

	ResponseEntity<String> forward(HostInfo owner, Msisdn msisdn, String authorization) {
		return this.http.get()
			.uri("http://{host}:{port}/v1/lines/{msisdn}", owner.host(), owner.port(), msisdn.value())
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.header(LineController.FORWARDED, "true")
			.exchange((request, response) -> {
				MediaType type = response.getHeaders().getContentType();
				return ResponseEntity.status(response.getStatusCode())
					.contentType((type != null) ? type : MediaType.APPLICATION_JSON)
					.body(response.bodyTo(String.class));
			});
	}

}
