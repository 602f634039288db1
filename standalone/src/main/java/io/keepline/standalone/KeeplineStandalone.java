package io.keepline.standalone;

import java.util.concurrent.CountDownLatch;

import io.keepline.standalone.broker.PortInUseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Runs all of Keepline in one JVM until Ctrl-C: a real Kafka broker, ingest, scheduler,
 * notifier and payments, the demo seeds and the console on :8080.
 */
public final class KeeplineStandalone {

	private static final Logger log = LoggerFactory.getLogger(KeeplineStandalone.class);

	private KeeplineStandalone() {
	}

	public static void main(String[] args) {
		StandaloneSettings settings;
		try {
			settings = StandaloneArguments.parse(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			log.error(ex.getMessage());
			System.exit(2);
			return;
		}
		// The contexts share this JVM's logging, configured once by logback.xml.
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		SLF4JBridgeHandler.removeHandlersForRootLogger();
		SLF4JBridgeHandler.install();
		long started = System.nanoTime();
		Pipeline pipeline = new Pipeline(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("Stopping Keepline...");
			pipeline.close();
			log.info("Keepline stopped");
			stopped.countDown();
		}, "keepline-shutdown"));
		try {
			pipeline.start();
		}
		catch (PortInUseException ex) {
			log.error(ex.getMessage());
			System.exit(1);
			return;
		}
		catch (RuntimeException ex) {
			log.error("Keepline could not start: {}", rootMessage(ex), ex);
			System.exit(1);
			return;
		}
		log.info(StartupBanner.render(pipeline, (System.nanoTime() - started) / 1_000_000));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
