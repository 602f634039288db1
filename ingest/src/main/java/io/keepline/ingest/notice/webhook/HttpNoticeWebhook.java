package io.keepline.ingest.notice.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.support.outbound.OutboundClient;
import io.keepline.support.outbound.OutboundException;
import io.keepline.support.outbound.OutboundRequest;

/**
 * POSTs a notice as JSON to one operator's webhook through the trusted outbound client
 * (an address from configuration; one deadline for the call, a response cap), signed with
 * that operator's keys ({@code Keepline-Signature}) and carrying the notice id
 * ({@code Keepline-Notice-Id}) for the receiver's dedupe. Only a 2xx counts as delivered.
 */
public final class HttpNoticeWebhook implements NoticeWebhook {

	/** Header carrying the notice id, the same on every retry and replay. */
	public static final String NOTICE_ID_HEADER = "Keepline-Notice-Id";

	private final OutboundClient client;

	private final URI url;

	private final WebhookSignature signature;

	private final Clock clock;

	public HttpNoticeWebhook(OutboundClient client, URI url, WebhookSignature signature, Clock clock) {
		this.client = client;
		this.url = url;
		this.signature = signature;
		this.clock = clock;
	}

	@Override
	public void deliver(OperatorNotice notice) {
		byte[] body = EventJson.write(notice, OperatorNotice.class);
		OutboundRequest request = new OutboundRequest(this.url, "application/json", body,
				Map.of(WebhookSignature.HEADER, this.signature.header(this.clock.instant(), body), NOTICE_ID_HEADER,
						notice.noticeId().toString()));
		int status;
		try {
			status = this.client.postForStatus(request);
		}
		catch (OutboundException ex) {
			throw new NoticeNotDeliveredException(
					"webhook of " + notice.operator() + " not reached (" + ex.reason().code() + ")", ex);
		}
		if (status < 200 || status >= 300) {
			throw new NoticeNotDeliveredException("webhook of " + notice.operator() + " answered " + status, null);
		}
	}

}
