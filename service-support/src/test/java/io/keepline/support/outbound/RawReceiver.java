package io.keepline.support.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on a socket of its own, which answers as told: normally, by
 * dripping a byte at a time, or never (a blackhole that accepts and stays silent).
 */
final class RawReceiver implements AutoCloseable {

	enum Behaviour {

		ANSWER, DRIP_BODY, DRIP_HEADERS, BLACKHOLE, HUGE_BODY, REDIRECT

	}

	private final ServerSocket server;

	private final Behaviour behaviour;

	private final ExecutorService acceptor = Executors.newCachedThreadPool();

	private final ScheduledExecutorService drip = Executors.newScheduledThreadPool(1);

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	RawReceiver(Behaviour behaviour) throws IOException {
		this.behaviour = behaviour;
		this.server = new ServerSocket();
		this.server.bind(new InetSocketAddress("127.0.0.1", 0));
		this.acceptor.execute(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
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
				this.acceptor.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try {
			readRequestHead(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			switch (this.behaviour) {
				case ANSWER -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
				case REDIRECT -> write(out, "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + port()
						+ "/elsewhere\r\nContent-Length: 0\r\n\r\n");
				case HUGE_BODY -> {
					write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1048576\r\n\r\n");
					out.write(new byte[1048576]);
				}
				case DRIP_BODY -> {
					write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
					dripForever(out);
				}
				case DRIP_HEADERS -> {
					write(out, "HTTP/1.1 200 OK\r\n");
					dripForever(out);
				}
				case BLACKHOLE -> {
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private void dripForever(OutputStream out) {
		this.drip.scheduleAtFixedRate(() -> {
			try {
				out.write('x');
				out.flush();
			}
			catch (IOException ex) {
				throw new IllegalStateException("client gone", ex);
			}
		}, 100, 100, TimeUnit.MILLISECONDS);
	}

	private static void readRequestHead(InputStream in) throws IOException {
		int matched = 0;
		byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		while (matched < end.length) {
			int b = in.read();
			if (b < 0) {
				return;
			}
			matched = (b == end[matched]) ? matched + 1 : ((b == end[0]) ? 1 : 0);
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.drip.shutdownNow();
		this.acceptor.shutdownNow();
	}

}
