package io.keepline.scheduler.api;

import java.net.http.HttpClient;
import java.time.Duration;

import io.keepline.contracts.Msisdn;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Asks the instance that owns a line for it, passing the caller's key along (over HTTPS
 * when configured), and relays the answer as it is (a line report, or a problem detail);
 * an instance that does not answer in time gets the caller a 503 with Retry-After.
 */
@Component
@EnableConfigurationProperties(ForwardingSettings.class)
class LineForwarder {

	private static final Logger log = LoggerFactory.getLogger(LineForwarder.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private static final String UNAVAILABLE = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
			+ "\"status\":503,\"detail\":\"the instance that holds this line did not answer in time\"}";

	private final RestClient http;

	private final String scheme;

	LineForwarder(ForwardingSettings settings) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(settings.requestTimeout());
		this.http = RestClient.builder().requestFactory(requests).build();
		this.scheme = settings.scheme();
	}

	ResponseEntity<String> forward(HostInfo owner, Msisdn msisdn, String authorization) {
		try {
			return this.http.get()
				.uri(this.scheme + "://{host}:{port}/v1/lines/{msisdn}", owner.host(), owner.port(), msisdn.value())
				.header(HttpHeaders.AUTHORIZATION, authorization)
				.header(LineController.FORWARDED, "true")
				.exchange((request, response) -> {
					MediaType type = response.getHeaders().getContentType();
					return ResponseEntity.status(response.getStatusCode())
						.contentType((type != null) ? type : MediaType.APPLICATION_JSON)
						.body(response.bodyTo(String.class));
				});
		}
		catch (ResourceAccessException ex) {
			log.warn("Instance {}:{} did not answer a forwarded read: {}", owner.host(), owner.port(),
					ex.getMostSpecificCause().getClass().getSimpleName());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
				.body(UNAVAILABLE);
		}
	}

}
