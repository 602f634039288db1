package io.keepline.reliability.abuse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a barrage of bad requests got back, counted as the scenario reports it: every
 * request, by class of answer, and those whose answer broke a rule (with why).
 */
final class Tally {

	private final Set<String> endpoints = new LinkedHashSet<>();

	private final List<String> broken = new ArrayList<>();

	private int requests;

	private int clientErrors;

	private int itemRejections;

	private int beforeTheService;

	private int serverErrors;

	private int unanswered;

	private int unclear;

	synchronized void record(BadRequest bad, Http.Reply reply, List<String> problems) {
		this.endpoints.add(bad.service() + " " + bad.endpoint());
		this.requests++;
		if (!reply.answered()) {
			this.unanswered++;
		}
		else if (reply.status() >= 500) {
			this.serverErrors++;
		}
		else if (reply.status() >= 400) {
			this.clientErrors++;
			if (bad.clue().equals(BadRequest.BEFORE_THE_SERVICE) && reply.body().contains(bad.clue())) {
				this.beforeTheService++;
			}
		}
		else if (reply.status() == 200 && bad.status() == 200) {
			this.itemRejections++;
		}
		if (reply.answered() && !reply.body().toLowerCase().contains(bad.clue().toLowerCase())) {
			this.unclear++;
		}
		if (!problems.isEmpty()) {
			this.broken.add(bad + " -> " + String.join("; ", problems));
		}
	}

	synchronized int endpoints() {
		return this.endpoints.size();
	}

	synchronized int requests() {
		return this.requests;
	}

	synchronized int clientErrors() {
		return this.clientErrors;
	}

	/**
	 * 200 answers whose every item was rejected with field and reason (ingest's rule).
	 */
	synchronized int itemRejections() {
		return this.itemRejections;
	}

	/** 4xx answers Tomcat gave before any service code ran (its bare 400 page). */
	synchronized int beforeTheService() {
		return this.beforeTheService;
	}

	synchronized int serverErrors() {
		return this.serverErrors;
	}

	/** Requests that got no answer: reset, refused or hung. */
	synchronized int unanswered() {
		return this.unanswered;
	}

	synchronized int unclear() {
		return this.unclear;
	}

	synchronized List<String> broken() {
		return List.copyOf(this.broken);
	}

}
