package io.keepline.standalone.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.keepline.standalone.MailOutbox;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;

/** The emails of the local outbox, when email goes there. */
@Component
public class Emails {

	private final MailOutbox outbox;

	Emails(ConsoleSettings settings) {
		this.outbox = settings.outbox();
	}

	/** Whether emails go to the local outbox (else to a real SMTP server). */
	public boolean local() {
		return this.outbox != null;
	}

	/** Every email, newest first. */
	public List<Email> all() {
		if (this.outbox == null) {
			return List.of();
		}
		List<MimeMessage> messages = this.outbox.messages();
		List<Email> emails = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			emails.add(Email.of(i, messages.get(i)));
		}
		emails.sort(Comparator.comparing(Email::id).reversed());
		return emails;
	}

	public List<Email> to(String address) {
		return (address == null) ? List.of() : all().stream().filter((e) -> e.to().contains(address)).toList();
	}

	/** Deletes every email to {@code address} from the local outbox. */
	void forget(String address) {
		if (this.outbox != null && address != null) {
			this.outbox.forget(address);
		}
	}

	public Optional<Email> get(int id) {
		if (this.outbox == null) {
			return Optional.empty();
		}
		List<MimeMessage> messages = this.outbox.messages();
		return (id >= 0 && id < messages.size()) ? Optional.of(Email.of(id, messages.get(id))) : Optional.empty();
	}

}
