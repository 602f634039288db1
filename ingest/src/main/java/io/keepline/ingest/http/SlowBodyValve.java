package io.keepline.ingest.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Reads the rest of a refused request's body after its answer went out, so that a client
 * still sending gets the answer instead of a reset, but only within the limits of
 * {@link RequestLimitsSettings}: at most {@code maxSwallow} bytes, and no more waiting
 * than {@code bodyWait} per MiB. Past either, and after a 408, Tomcat is told not to read
 * on and the connection closes: a trickling or endless body cannot hold the thread.
 */
final class SlowBodyValve extends ValveBase {

	private static final long MEBIBYTE = 1024 * 1024;

	private final RequestLimitsSettings limits;

	SlowBodyValve(RequestLimitsSettings limits) {
		super(true);
		this.limits = limits;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		org.apache.coyote.Request body = request.getCoyoteRequest();
		if (response.getStatus() < HttpStatus.BAD_REQUEST.value() || body.isFinished()) {
			return;
		}
		if (!response.isCommitted()) {
			response.setHeader(HttpHeaders.CONNECTION, "close");
		}
		response.flushBuffer();
		if (response.getStatus() == HttpStatus.REQUEST_TIMEOUT.value() || !drained(body)) {
			body.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

	/** Reads the rest of the body within the limits; whether it came to its end. */
	private boolean drained(org.apache.coyote.Request body) {
		Drain drain = new Drain();
		long read = 0;
		long start = System.nanoTime();
		long allowance = this.limits.bodyWait().toNanos();
		try {
			for (int n = body.doRead(drain); n >= 0; n = body.doRead(drain)) {
				read += n;
				if (read > this.limits.maxSwallow().toBytes()
						|| System.nanoTime() - start > allowance * (1 + read / MEBIBYTE)) {
					return false;
				}
			}
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Where Tomcat puts what it reads; the bytes are dropped. */
	private static final class Drain implements ApplicationBufferHandler {

		private ByteBuffer buffer = EMPTY_BUFFER;

		@Override
		public void setByteBuffer(ByteBuffer buffer) {
			this.buffer = buffer;
		}

		@Override
		public ByteBuffer getByteBuffer() {
			return this.buffer;
		}

		@Override
		public void expand(int size) {
		}

	}

}
