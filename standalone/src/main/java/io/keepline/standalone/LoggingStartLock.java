package io.keepline.standalone;

import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets one application at a time through Spring Boot's logging set-up when several start
 * in one JVM: Boot resets the shared Logback context while it prepares each application's
 * environment, and two resets at once fail one start
 * ({@code ConcurrentModificationException} in {@code LoggerContext.fireOnReset}). The
 * lock is taken before Boot's logging listener sees the start and released after it has
 * configured logging, or when the start fails.
 */
final class LoggingStartLock implements SmartApplicationListener {

	private static final ReentrantLock LOCK = new ReentrantLock();

	private final int order;

	private LoggingStartLock(int order) {
		this.order = order;
	}

	/** The two listeners: one that takes the lock first, one that releases it last. */
	static LoggingStartLock[] listeners() {
		return new LoggingStartLock[] { new LoggingStartLock(Ordered.HIGHEST_PRECEDENCE),
				new LoggingStartLock(Ordered.LOWEST_PRECEDENCE) };
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationStartingEvent.class.isAssignableFrom(eventType)
				|| ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationFailedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		boolean first = this.order == Ordered.HIGHEST_PRECEDENCE;
		if (event instanceof ApplicationStartingEvent) {
			if (first) {
				LOCK.lock();
			}
		}
		else if (!first && LOCK.isHeldByCurrentThread()) {
			LOCK.unlock();
		}
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
