package io.keepline.standalone;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LoggingStartLockTest {

	private final SpringApplication application = new SpringApplication(LoggingStartLockTest.class);

	@Test
	void aSecondStartWaitsUntilTheFirstHasConfiguredLogging() throws Exception {
		LoggingStartLock[] first = LoggingStartLock.listeners();
		LoggingStartLock[] second = LoggingStartLock.listeners();
		publish(first, starting());
		CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
			publish(second, starting());
			publish(second, environmentPrepared());
		});
		await().during(200, TimeUnit.MILLISECONDS).atMost(2, TimeUnit.SECONDS).until(() -> !other.isDone());
		publish(first, environmentPrepared());
		other.get(10, TimeUnit.SECONDS);
		assertThat(other).isCompleted();
	}

	@Test
	void aFailedStartReleasesTheLock() throws Exception {
		LoggingStartLock[] failing = LoggingStartLock.listeners();
		publish(failing, starting());
		publish(failing, new ApplicationFailedEvent(this.application, new String[0], null,
				new IllegalStateException("start failed")));
		CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
			LoggingStartLock[] next = LoggingStartLock.listeners();
			publish(next, starting());
			publish(next, environmentPrepared());
		});
		other.get(10, TimeUnit.SECONDS);
		assertThat(other).isCompleted();
	}

	private ApplicationEvent starting() {
		return new ApplicationStartingEvent(null, this.application, new String[0]);
	}

	private ApplicationEvent environmentPrepared() {
		return new ApplicationEnvironmentPreparedEvent(null, this.application, new String[0],
				new StandardEnvironment());
	}

	private static void publish(LoggingStartLock[] listeners, ApplicationEvent event) {
		for (LoggingStartLock listener : listeners) {
			if (listener.supportsEventType(event.getClass())) {
				listener.onApplicationEvent(event);
			}
		}
	}

}
