package io.keepline.reliability.scope;

import java.net.http.HttpResponse;
import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * Calls on every operator endpoint without a key or with one that is not configured (a
 * guess at orange's, a key of another form), each of which must be answered 401.
 */
final class UnauthorisedCalls {

	/** How many calls {@link #of} makes. */
	static final int COUNT = 6;

	private UnauthorisedCalls() {
	}

	static List<HttpResponse<String>> of(OperatorApis apis, Msisdn line) {
		OperatorId orange = OperatorId.of("orange");
		String batch = OperatorEvents.json(List.of(OperatorEvents.cancelled(line, orange)));
		String csv = OperatorEvents.csv(List.of(OperatorEvents.cancelled(line, orange)));
		return List.of(apis.postJson(null, batch), apis.postJson("reliability-orange-key-guessed", batch),
				apis.postCsv(null, csv), apis.postCsv("Basic cmVsaWFiaWxpdHk=", csv), apis.line(null, line),
				apis.line("reliability-base-key-x", line));
	}

}
