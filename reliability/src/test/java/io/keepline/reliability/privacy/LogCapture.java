package io.keepline.reliability.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Captures every log event of this JVM at INFO and above, with the levels a user's run
 * has: every logger at INFO as Boot's defaults leave it (the test configuration's WARN
 * for Kafka and GreenMail undone), except the loggers the standalone's own
 * {@code logback.xml} quiets that run only in the standalone, and java.util.logging
 * routed in as the standalone's main routes it. Closing it restores the levels.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	/** Loggers of parts only the standalone runs (its local outbox SMTP server). */
	private static final List<String> STANDALONE_ONLY = List.of("com.icegreen.greenmail");

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Map<String, Level> saved = new HashMap<>();

	private final List<CapturedLine> lines = new ArrayList<>();

	private final List<Handler> julHandlers = new ArrayList<>();

	/** One captured event as text: message, arguments, key-values, MDC and throwable. */
	record CapturedLine(String logger, String level, String text) {

	}

	private LogCapture() {
	}

	static LogCapture atInfo() {
		// As the standalone's main: one logging configuration for every context, which no
		// context resets.
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		LogCapture capture = new LogCapture();
		capture.levels();
		capture.setContext(capture.context);
		capture.setName("personal-data-capture");
		capture.start();
		capture.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
		capture.julHandlers.addAll(List.of(LogManager.getLogManager().getLogger("").getHandlers()));
		SLF4JBridgeHandler.removeHandlersForRootLogger();
		SLF4JBridgeHandler.install();
		return capture;
	}

	private void levels() {
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		for (Logger logger : this.context.getLoggerList()) {
			if (logger.getLevel() != null) {
				this.saved.put(logger.getName(), logger.getLevel());
				logger.setLevel((logger == root) ? Level.INFO : null);
			}
		}
		Map<String, Level> standalone = StandaloneLogLevels.read();
		for (String name : STANDALONE_ONLY) {
			this.context.getLogger(name).setLevel(standalone.get(name));
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (!event.getLevel().isGreaterOrEqual(Level.INFO)) {
			return;
		}
		StringBuilder text = new StringBuilder(event.getFormattedMessage());
		if (event.getArgumentArray() != null) {
			for (Object argument : event.getArgumentArray()) {
				text.append(" | ").append(argument);
			}
		}
		if (event.getKeyValuePairs() != null) {
			event.getKeyValuePairs()
				.forEach((pair) -> text.append(" | ").append(pair.key).append('=').append(pair.value));
		}
		event.getMDCPropertyMap().forEach((key, value) -> text.append(" | ").append(key).append('=').append(value));
		if (event.getThrowableProxy() != null) {
			text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
		}
		CapturedLine line = new CapturedLine(event.getLoggerName(), event.getLevel().toString(), text.toString());
		synchronized (this.lines) {
			this.lines.add(line);
		}
	}

	/** Everything captured so far. */
	List<CapturedLine> lines() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	@Override
	public void close() {
		SLF4JBridgeHandler.uninstall();
		this.julHandlers.forEach(LogManager.getLogManager().getLogger("")::addHandler);
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
		stop();
		for (Logger logger : this.context.getLoggerList()) {
			if (logger.getName().equals(Logger.ROOT_LOGGER_NAME) || this.saved.containsKey(logger.getName())) {
				logger.setLevel(this.saved.getOrDefault(logger.getName(), Level.INFO));
			}
			else {
				logger.setLevel(null);
			}
		}
	}

}
