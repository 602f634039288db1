package io.keepline.bench.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts {@link SmtpSinkMain} as a separate JVM on the bench's own classpath, so that the
 * sink does not share the bench JVM's heap, threads and JIT, and reads its count.
 */
public final class OutOfProcessSmtpSink implements AutoCloseable {

	private static final Pattern READY = Pattern.compile("ready smtp=(\\d+) count=(\\d+)");

	private final Process process;

	private final int smtpPort;

	private final URI count;

	private final HttpClient http = HttpClient.newHttpClient();

	private OutOfProcessSmtpSink(Process process, int smtpPort, int countPort) {
		this.process = process;
		this.smtpPort = smtpPort;
		this.count = URI.create("http://127.0.0.1:" + countPort + "/");
	}

	public static OutOfProcessSmtpSink start() throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-XX:+UseParallelGC",
				"-Dlogback.configurationFile=smtp-sink-logback.xml", "-cp", System.getProperty("java.class.path"),
				SmtpSinkMain.class.getName()))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		for (String line = out.readLine(); line != null; line = out.readLine()) {
			Matcher ready = READY.matcher(line);
			if (ready.find()) {
				drain(out);
				return new OutOfProcessSmtpSink(process, Integer.parseInt(ready.group(1)),
						Integer.parseInt(ready.group(2)));
			}
		}
		process.destroyForcibly();
		throw new IOException("The SMTP sink process ended before it was ready (exit " + process.exitValue() + ")");
	}

	/**
	 * Keeps reading the sink's output (its log) so that it never blocks on a full pipe.
	 */
	private static void drain(BufferedReader out) {
		Thread drain = new Thread(() -> {
			try {
				while (out.readLine() != null) {
					// discarded
				}
			}
			catch (IOException ignored) {
				// the sink ended
			}
		}, "smtp-sink-output");
		drain.setDaemon(true);
		drain.start();
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

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
