package io.keepline.support.deadletters;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/deadletters} on the management port: {@code GET} lists this service's
 * dead letters ({@code ?topic=} one dead-letter topic's), {@code GET
 * /{topic}/{partition}/{offset}} shows one, {@code POST /{topic}/{partition}/{offset}}
 * replays it and {@code POST} with {@code {"topic": …}} replays every one of a topic not
 * replayed yet. All but the listing take the admin token ({@link AdminTokenFilter}).
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	private static final int CONFLICT = 409;

	private final DeadLetterAdmin admin;

	public DeadLettersEndpoint(DeadLetterAdmin admin) {
		this.admin = admin;
	}

	@ReadOperation
	public List<DeadLetter> list(@Nullable String topic) {
		return this.admin.list(topic);
	}

	@ReadOperation
	public WebEndpointResponse<DeadLetterDetail> show(@Selector String topic, @Selector int partition,
			@Selector long offset) {
		return found(this.admin.show(topic, partition, offset));
	}

	@WriteOperation
	public WebEndpointResponse<ReplayResult> replay(@Selector String topic, @Selector int partition,
			@Selector long offset) {
		Optional<ReplayResult> result = this.admin.replay(topic, partition, offset);
		if (result.isEmpty()) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return switch (result.get().outcome()) {
			case REPLAYED, ALREADY_REPLAYED -> new WebEndpointResponse<>(result.get());
			case FAILED_AGAIN, NOT_REPLAYABLE -> new WebEndpointResponse<>(result.get(), CONFLICT);
		};
	}

	@WriteOperation
	public WebEndpointResponse<ReplaySummary> replayAll(String topic) {
		if (!this.admin.topics().contains(topic)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(this.admin.replayAll(topic));
	}

	private static <T> WebEndpointResponse<T> found(Optional<T> body) {
		return body.map(WebEndpointResponse::new)
			.orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
	}

}
