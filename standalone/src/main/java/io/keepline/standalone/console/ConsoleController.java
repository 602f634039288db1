package io.keepline.standalone.console;

import java.time.Instant;
import java.util.List;

import io.keepline.contracts.Holder;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The console's pages: lines, one line's timeline, the outbox, payments. */
@Controller
class ConsoleController {

	private final EventLog eventLog;

	private final Emails emails;

	private final TextOutbox texts;

	private final HolderLinks links;

	private final SchedulerView scheduler;

	ConsoleController(EventLog eventLog, Emails emails, TextOutbox texts, HolderLinks links, SchedulerView scheduler) {
		this.eventLog = eventLog;
		this.emails = emails;
		this.texts = texts;
		this.links = links;
		this.scheduler = scheduler;
	}

	@GetMapping("/")
	String lines(@RequestParam(name = "q", required = false) String query, Model model) {
		Instant now = Instant.now();
		List<LineRow> rows = this.eventLog.lines(query).stream().map((card) -> LineRow.of(card, now)).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("q", (query != null) ? query : "");
		model.addAttribute("recent", this.eventLog.recent(15));
		return "lines";
	}

	@GetMapping("/lines/{msisdn}")
	String line(@PathVariable String msisdn, Model model) {
		LineCard card = this.eventLog.line(msisdn)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no line " + msisdn));
		Holder holder = card.holder();
		model.addAttribute("line", LineRow.of(card, Instant.now()));
		model.addAttribute("timeline", this.eventLog.timeline(msisdn));
		model.addAttribute("payLink", this.links.pay(msisdn, card.validUntil()));
		model.addAttribute("statusLink", this.links.status(msisdn, card.validUntil()));
		model.addAttribute("emails", this.emails.to((holder != null) ? holder.email() : null));
		model.addAttribute("sms",
				this.texts.to((holder != null && holder.sms() != null) ? holder.sms().value() : null));
		model.addAttribute("webhooks", this.texts.to(msisdn));
		model.addAttribute("scheduler", this.scheduler.line(msisdn));
		return "line";
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		model.addAttribute("localEmail", this.emails.local());
		model.addAttribute("emails", this.emails.all());
		model.addAttribute("texts", this.texts.all());
		return "outbox";
	}

	@GetMapping("/outbox/emails/{id}")
	String email(@PathVariable int id, Model model) {
		model.addAttribute("email", this.emails.get(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no email " + id)));
		return "email";
	}

	@GetMapping("/payments")
	String payments(Model model) {
		model.addAttribute("payments", this.eventLog.payments());
		return "payments";
	}

}
