package io.keepline.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM started from the bench's own classpath (a main class of the bench jar), so
 * that what runs there does not share the bench JVM's heap, threads and JIT. The parent
 * talks to it by lines: it writes a command to the child's standard input, the child
 * answers with one line that starts with {@link #REPLY} on its standard output (anything
 * else it prints, its log, is read and dropped). The child ends when its standard input
 * closes, i.e. with the bench that started it.
 */
public final class ChildJvm implements AutoCloseable {

	/** What starts every line a child means for its parent. */
	public static final String REPLY = "keepline-child: ";

	private static final String ENDED = "\u0000ended";

	private static final int KEPT_LOG_LINES = 20;

	private final String name;

	private final Process process;

	private final Writer commands;

	private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

	private final Deque<String> lastLog = new ArrayDeque<>();

	private ChildJvm(String name, Process process) {
		this.name = name;
		this.process = process;
		this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Thread reader = new Thread(this::readOutput, name + "-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts {@code main} in a JVM of its own with {@code jvmOptions} (such as
	 * {@code -Xmx1g}) and {@code args}; its standard error goes to the bench's.
	 */
	public static ChildJvm start(String name, List<String> jvmOptions, Class<?> main, List<String> args)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main.getName());
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		return new ChildJvm(name, process);
	}

	private void readOutput() {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith(REPLY)) {
					this.replies.add(line.substring(REPLY.length()));
				}
				else {
					synchronized (this.lastLog) {
						if (this.lastLog.size() == KEPT_LOG_LINES) {
							this.lastLog.removeFirst();
						}
						this.lastLog.addLast(line);
					}
				}
			}
		}
		catch (IOException ex) {
			// the child ended
		}
		this.replies.add(ENDED);
	}

	/** The child's process id (for /proc and jcmd). */
	public long pid() {
		return this.process.pid();
	}

	/** Waits for the child's next reply, at most {@code timeout}. */
	public String reply(Duration timeout) throws IOException, InterruptedException {
		String reply = this.replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (reply == null) {
			throw new IOException(this.name + " did not answer within " + timeout.toSeconds() + " s" + lastLog());
		}
		if (reply.equals(ENDED)) {
			this.replies.add(ENDED);
			throw new IOException(this.name + " ended" + exit() + lastLog());
		}
		return reply;
	}

	/** Sends {@code command} and waits for its reply, at most {@code timeout}. */
	public synchronized String request(String command, Duration timeout) throws IOException, InterruptedException {
		this.commands.write(command);
		this.commands.write('\n');
		this.commands.flush();
		return reply(timeout);
	}

	private String exit() {
		return this.process.isAlive() ? "" : " (exit " + this.process.exitValue() + ")";
	}

	private String lastLog() {
		synchronized (this.lastLog) {
			return this.lastLog.isEmpty() ? "" : "; its last output:\n" + String.join("\n", this.lastLog);
		}
	}

	/**
	 * Closes the child's standard input and waits up to {@code timeout} for it to end.
	 */
	public void close(Duration timeout) {
		try {
			this.commands.close();
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
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

	@Override
	public void close() {
		close(Duration.ofSeconds(5));
	}

	/** The child side: prints {@code text} as a reply to the parent. */
	public static void answer(String text) {
		synchronized (System.out) {
			System.out.println(REPLY + text);
			System.out.flush();
		}
	}

	/**
	 * The child side: the parent's next command, or empty once the parent has closed the
	 * child's standard input (or is gone).
	 */
	public static Optional<String> nextCommand(BufferedReader in) {
		try {
			return Optional.ofNullable(in.readLine());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** The child side: a reader of the parent's commands. */
	public static BufferedReader commands() {
		return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
	}

}
