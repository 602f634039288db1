package io.keepline.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP/1.1 client on a real socket that sends a request head, then its body as slowly
 * or for as long as a test wants from a thread of its own, and reads what the server
 * answers and whether it closed the connection.
 */
final class RawHttpClient implements AutoCloseable {

	private final Socket socket;

	private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicReference<IOException> sendFailure = new AtomicReference<>();

	private RawHttpClient(Socket socket) {
		this.socket = socket;
	}

	/** Connects to the local port and sends {@code head} (request line and headers). */
	static RawHttpClient post(int port, String path, String head) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
		socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
		RawHttpClient client = new RawHttpClient(socket);
		client.socket.getOutputStream()
			.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + head + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		return client;
	}

	/**
	 * Sends one byte of {@code text} (repeated) every {@code interval}, until stopped.
	 */
	void trickle(String text, Duration interval) {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		this.sender.scheduleAtFixedRate(() -> send(new byte[] { bytes[(int) (this.sent.get() % bytes.length)] }), 0,
				interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Sends {@code chunk} as chunked-encoding chunks without end, as fast as it can. */
	void flood(byte[] chunk) {
		byte[] framed = frame(chunk);
		this.sender.execute(() -> {
			while (this.sendFailure.get() == null && !this.sender.isShutdown()) {
				send(framed);
			}
		});
	}

	private static byte[] frame(byte[] chunk) {
		byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] framed = Arrays.copyOf(size, size.length + chunk.length + 2);
		System.arraycopy(chunk, 0, framed, size.length, chunk.length);
		framed[framed.length - 2] = '\r';
		framed[framed.length - 1] = '\n';
		return framed;
	}

	private void send(byte[] bytes) {
		if (this.sendFailure.get() != null) {
			return;
		}
		try {
			OutputStream out = this.socket.getOutputStream();
			out.write(bytes);
			out.flush();
			this.sent.addAndGet(bytes.length);
		}
		catch (IOException ex) {
			this.sendFailure.compareAndSet(null, ex);
		}
	}

	/**
	 * Everything the server sent until it closed the connection (blocks until then, or
	 * fails after the socket's read timeout).
	 */
	String readUntilClosed() {
		try {
			InputStream in = this.socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				answer.write(buffer, 0, n);
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long sent() {
		return this.sent.get();
	}

	/** Why sending failed (the server closed the connection), or null. */
	IOException sendFailure() {
		return this.sendFailure.get();
	}

	@Override
	public void close() throws IOException {
		this.sender.shutdownNow();
		this.socket.close();
	}

}
