package io.keepline.standalone.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events telling open console pages that something new arrived, so they
 * refresh themselves.
 */
@Controller
class LiveUpdates {

	/** Browsers reconnect by themselves when a stream ends. */
	static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final EventLog eventLog;

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	private long seen;

	LiveUpdates(EventLog eventLog) {
		this.eventLog = eventLog;
	}

	@GetMapping("/live")
	SseEmitter subscribe() throws IOException {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		// Opens the stream at once (status and headers go out with it), not at the first
		// change.
		emitter.send(SseEmitter.event().comment("connected"));
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(emitter::complete);
		emitter.onError((ex) -> this.emitters.remove(emitter));
		this.emitters.add(emitter);
		return emitter;
	}

	@Scheduled(fixedDelay = 1000)
	void announce() {
		long version = this.eventLog.version();
		if (version == this.seen) {
			return;
		}
		this.seen = version;
		for (SseEmitter emitter : this.emitters) {
			try {
				emitter.send(SseEmitter.event().name("changed").data(Long.toString(version)));
			}
			catch (IOException | IllegalStateException ex) {
				this.emitters.remove(emitter);
			}
		}
	}

}
