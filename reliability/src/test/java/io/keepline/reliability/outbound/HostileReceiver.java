package io.keepline.reliability.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver that never lets a call finish: {@code drip} answers {@code 200} and
 * then one byte of its headers a second; {@code blackhole} accepts the connection and
 * stays silent. Counts the connections it got, so a scenario can show the fault happened.
 * The two are named differently ({@code 127.0.0.1}, {@code localhost}): the notifier
 * limits and cools down calls per host name.
 */
final class HostileReceiver implements AutoCloseable {

	private final ServerSocket server;

	private final boolean drip;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final ScheduledExecutorService dripper = Executors.newScheduledThreadPool(1);

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final String hostName;

	private HostileReceiver(boolean drip, String hostName) throws IOException {
		this.drip = drip;
		this.hostName = hostName;
		this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	static HostileReceiver drip() throws IOException {
		return new HostileReceiver(true, "127.0.0.1");
	}

	static HostileReceiver blackhole() throws IOException {
		return new HostileReceiver(false, "localhost");
	}

	URI origin() {
		return URI.create("http://" + this.hostName + ":" + this.server.getLocalPort());
	}

	int connections() {
		return this.connections.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.incrementAndGet();
				this.sockets.add(socket);
				if (this.drip) {
					this.threads.execute(() -> dripHeaders(socket));
				}
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void dripHeaders(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
			for (int matched = 0, b = in.read(); b >= 0 && matched < end.length; b = in.read()) {
				matched = (b == end[matched]) ? matched + 1 : ((b == end[0]) ? 1 : 0);
				if (matched == end.length) {
					break;
				}
			}
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			this.dripper.scheduleAtFixedRate(() -> {
				try {
					out.write('X');
					out.flush();
				}
				catch (IOException ex) {
					throw new IllegalStateException("the notifier hung up", ex);
				}
			}, 1, 1, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// the notifier hung up
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.dripper.shutdownNow();
		this.threads.shutdownNow();
	}

}
