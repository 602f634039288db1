package io.keepline.bench.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keepline.bench.process.ChildJvm;

/**
 * Starts {@link SmtpSinkMain} as a separate JVM on the bench's own classpath
 * ({@link ChildJvm}), so that the sink does not share the bench JVM's heap, threads and
 * JIT, and reads its count.
 */
public final class OutOfProcessSmtpSink implements AutoCloseable {

	private static final Pattern READY = Pattern.compile("ready smtp=(\\d+) count=(\\d+)");

	private final ChildJvm process;

	private final int smtpPort;

	private final URI count;

	private final HttpClient http = HttpClient.newHttpClient();

	private OutOfProcessSmtpSink(ChildJvm process, int smtpPort, int countPort) {
		this.process = process;
		this.smtpPort = smtpPort;
		this.count = URI.create("http://127.0.0.1:" + countPort + "/");
	}

	public static OutOfProcessSmtpSink start() throws IOException {
		ChildJvm process = ChildJvm.start("smtp-sink",
				List.of("-Xmx512m", "-XX:+UseParallelGC", "-Dlogback.configurationFile=smtp-sink-logback.xml"),
				SmtpSinkMain.class, List.of());
		try {
			Matcher ready = READY.matcher(process.reply(Duration.ofSeconds(60)));
			if (!ready.find()) {
				throw new IOException("The SMTP sink did not say where it listens");
			}
			return new OutOfProcessSmtpSink(process, Integer.parseInt(ready.group(1)),
					Integer.parseInt(ready.group(2)));
		}
		catch (IOException | RuntimeException ex) {
			process.close();
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.close();
			throw new IOException("Interrupted while the SMTP sink started", ex);
		}
	}

	public int smtpPort() {
		return this.smtpPort;
	}

	/** Messages the sink has accepted so far. */
	public long received() {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.count).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return Long.parseLong(response.body().trim());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the SMTP sink's count", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the SMTP sink's count", ex);
		}
	}

	/** CPU time the sink's JVM has used so far, all threads together, in nanoseconds. */
	public long cpuNanos() {
		return ProcessHandle.of(this.process.pid())
			.flatMap((handle) -> handle.info().totalCpuDuration())
			.map(Duration::toNanos)
			.orElse(0L);
	}

	@Override
	public void close() {
		this.process.close();
	}

}
