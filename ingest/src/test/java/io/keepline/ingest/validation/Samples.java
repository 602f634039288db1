package io.keepline.ingest.validation;

import io.keepline.contracts.json.EventJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid wire-format items of every type, to be broken one field at a time by tests.
 */
public final class Samples {

	public static final String OPERATOR = "orange";

	private Samples() {
	}

	public static ObjectNode lineRegistered(String msisdn) {
		return parse("""
				{"type": "LineRegistered", "eventId": "5b1c6f0e-8a53-4e0b-9d47-3f2a1c9e7b10",
				 "msisdn": "%s", "operator": "orange", "plan": "orange-prepaid-15",
				 "validUntil": "2026-12-31", "renewalPrice": {"amountCents": 1500, "currency": "EUR"},
				 "holder": {"name": "Li Wei", "email": "li@example.com", "sms": "+8613800138000",
				            "webhookUrl": null, "locale": "zh", "timeZone": "Asia/Shanghai"},
				 "leadDays": [30, 7, 1], "autoRenew": false}""".formatted(msisdn));
	}

	public static ObjectNode lineRegistered() {
		return lineRegistered("+32470123456");
	}

	public static ObjectNode validityExtended() {
		return parse("""
				{"type": "ValidityExtended", "eventId": "0d9e2a4c-1f6b-4c38-a2d5-7e8f9a0b1c2d",
				 "msisdn": "+32470123456", "operator": "orange", "validUntil": "2027-12-31"}""");
	}

	public static ObjectNode holderUpdated() {
		return parse("""
				{"type": "HolderUpdated", "eventId": "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b",
				 "msisdn": "+32470123456", "operator": "orange", "occurredAt": "2026-11-20T08:00:00Z",
				 "holder": {"email": "jan@example.be", "locale": "nl", "timeZone": "Europe/Brussels",
				            "webhookUrl": "https://hooks.example.com/keepline"},
				 "leadDays": [14], "autoRenew": true}""");
	}

	public static ObjectNode lineCancelled() {
		return parse("""
				{"type": "LineCancelled", "eventId": "2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c",
				 "msisdn": "+32470123456", "operator": "orange", "reason": "moved abroad for good"}""");
	}

	public static ObjectNode lineErased() {
		return parse("""
				{"type": "LineErased", "eventId": "3a4b5c6d-7e8f-4a9b-0c1d-2e3f4a5b6c7d",
				 "msisdn": "+32470123456", "operator": "orange"}""");
	}

	public static ObjectNode parse(String json) {
		return (ObjectNode) EventJson.mapper().readTree(json);
	}

}
