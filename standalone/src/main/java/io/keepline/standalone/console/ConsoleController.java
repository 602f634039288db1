package io.keepline.standalone.console;

import java.util.List;
import java.util.Optional;

import io.keepline.contracts.Holder;
import io.keepline.contracts.linerecord.LineRecord;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's pages: lines (from their line records), one line's record, alerts,
 * timeline and the scheduler's next deadlines, the outbox, payments, each operator's
 * notices.
 */
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
		List<LineRow> rows = this.eventLog.lines(query).stream().map(LineRow::of).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("q", (query != null) ? query : "");
		model.addAttribute("recent", this.eventLog.recent(15));
		return "lines";
	}

	@GetMapping("/lines/{msisdn}")
	String line(@PathVariable String msisdn, Model model) {
		Optional<LineRecord> record = this.eventLog.line(msisdn);
		List<TimelineEntry> timeline = this.eventLog.timeline(msisdn);
		if (record.isEmpty() && timeline.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such line");
		}
		model.addAttribute("msisdn", msisdn);
		model.addAttribute("timeline", timeline);
		model.addAttribute("line", record.map(LineRow::of).orElse(null));
		if (record.isPresent()) {
			LineRecord line = record.get();
			Holder holder = line.holder();
			model.addAttribute("payLink", this.links.pay(msisdn, line.validUntil()));
			model.addAttribute("statusLink", this.links.status(msisdn, line.validUntil()));
			model.addAttribute("emails", this.emails.to(holder.email()));
			model.addAttribute("sms", this.texts.to((holder.sms() != null) ? holder.sms().value() : null));
			model.addAttribute("webhooks", this.texts.to(msisdn));
			model.addAttribute("scheduler", this.scheduler.line(line));
			model.addAttribute("alerts", this.eventLog.alerts(msisdn, line.validUntil()));
		}
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

	@GetMapping("/notices")
	String notices(Model model) {
		model.addAttribute("notices", this.eventLog.notices());
		return "notices";
	}

	@GetMapping("/payments")
	String payments(Model model) {
		model.addAttribute("payments", this.eventLog.payments());
		return "payments";
	}

}
