package io.keepline.scheduler.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.PaymentFailure;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.line.LineOwner;
import io.keepline.scheduler.deadline.Cycle;
import io.keepline.scheduler.deadline.DueEntry;
import io.keepline.scheduler.deadline.DueKind;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.deadline.Milestone;
import io.keepline.scheduler.deadline.PaidCycle;

/**
 * The line store's compact binary form of a {@link LineState}: a version byte, then every
 * field in a fixed order (a presence flag before each value that may be null). Reading
 * and writing it costs a fraction of JSON, and the line store reads and rewrites a state
 * for every deadline that fires. Private to the scheduler's own stores; a new field gets
 * a new version, and older versions keep being read (version 2 adds the cycle's pending
 * payment at the end, version 3 then the end of the cycle's top-up pause).
 */
final class LineStateCodec {

	/** The first byte of every value in this form; JSON values start with '{'. */
	static final byte VERSION_1 = 1;

	/** Version 1 followed by the cycle's pending payment intent. */
	static final byte VERSION_2 = 2;

	/** Version 2 followed by the end of the cycle's top-up pause. */
	static final byte VERSION_3 = 3;

	private LineStateCodec() {
	}

	static boolean isBinary(byte[] data) {
		return data.length > 0 && (data[0] == VERSION_1 || data[0] == VERSION_2 || data[0] == VERSION_3);
	}

	static byte[] write(LineState state) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION_3);
			out.writeUTF(state.msisdn().value());
			string(out, (state.operator() != null) ? state.operator().value() : null);
			if (flag(out, state.owner())) {
				out.writeUTF(state.owner().operator().value());
				out.writeBoolean(state.owner().released());
			}
			string(out, state.plan());
			money(out, state.price());
			holder(out, state.holder());
			if (flag(out, state.leadDays())) {
				out.writeShort(state.leadDays().size());
				for (int days : state.leadDays()) {
					out.writeInt(days);
				}
			}
			out.writeBoolean(state.autoRenew());
			paymentMethod(out, state.paymentMethod());
			instant(out, state.registeredAt());
			instant(out, state.profileAt());
			instant(out, state.cancelledAt());
			cycle(out, state.cycle());
			out.writeShort(state.paidCycles().size());
			for (PaidCycle paid : state.paidCycles()) {
				out.writeLong(paid.validUntil().toEpochDay());
				string(out, paid.paymentIntentId());
			}
			out.writeShort(state.seen().size());
			for (UUID id : state.seen()) {
				out.writeLong(id.getMostSignificantBits());
				out.writeLong(id.getLeastSignificantBits());
			}
			out.writeShort(state.planned().size());
			for (DueEntry entry : state.planned()) {
				out.writeLong(entry.dueMillis());
				out.writeByte(entry.kind().code());
				out.writeInt(entry.stage());
				string(out, (entry.trigger() != null) ? entry.trigger().name() : null);
			}
			out.writeShort(state.history().size());
			for (String line : state.history()) {
				out.writeUTF(line);
			}
			string(out, (state.cycle() != null) ? state.cycle().pendingIntentId() : null);
			instant(out, (state.cycle() != null) ? state.cycle().pausedUntil() : null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * The state in {@code data}. Its numbers were checked before the scheduler stored
	 * them, so they are not checked again.
	 */
	static LineState read(byte[] data) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
			byte version = in.readByte();
			if (version != VERSION_1 && version != VERSION_2 && version != VERSION_3) {
				throw new IllegalArgumentException("unknown line state version " + version);
			}
			Msisdn msisdn = Msisdn.trusted(in.readUTF());
			String operator = string(in);
			LineOwner owner = in.readBoolean() ? new LineOwner(OperatorId.of(in.readUTF()), in.readBoolean()) : null;
			String plan = string(in);
			Money price = money(in);
			Holder holder = holder(in);
			List<Integer> leadDays = null;
			if (in.readBoolean()) {
				int size = in.readShort();
				leadDays = new ArrayList<>(size);
				for (int i = 0; i < size; i++) {
					leadDays.add(in.readInt());
				}
			}
			boolean autoRenew = in.readBoolean();
			PaymentMethodRef method = paymentMethod(in);
			Instant registeredAt = instant(in);
			Instant profileAt = instant(in);
			Instant cancelledAt = instant(in);
			Cycle cycle = cycle(in);
			int paidSize = in.readShort();
			List<PaidCycle> paidCycles = new ArrayList<>(paidSize);
			for (int i = 0; i < paidSize; i++) {
				paidCycles.add(new PaidCycle(LocalDate.ofEpochDay(in.readLong()), string(in)));
			}
			int seenSize = in.readShort();
			List<UUID> seen = new ArrayList<>(seenSize);
			for (int i = 0; i < seenSize; i++) {
				seen.add(new UUID(in.readLong(), in.readLong()));
			}
			int plannedSize = in.readShort();
			List<DueEntry> planned = new ArrayList<>(plannedSize);
			for (int i = 0; i < plannedSize; i++) {
				long due = in.readLong();
				DueKind kind = DueKind.ofCode(in.readByte());
				int stage = in.readInt();
				String trigger = string(in);
				planned
					.add(new DueEntry(due, kind, stage, (trigger != null) ? ReminderTrigger.valueOf(trigger) : null));
			}
			int historySize = in.readShort();
			List<String> history = new ArrayList<>(historySize);
			for (int i = 0; i < historySize; i++) {
				history.add(in.readUTF());
			}
			String pending = (version >= VERSION_2) ? string(in) : null;
			Instant paused = (version >= VERSION_3) ? instant(in) : null;
			if (pending != null || paused != null) {
				cycle = new Cycle(cycle.validUntil(), cycle.done(), cycle.paymentIntentId(), cycle.paidAmount(),
						cycle.failures(), cycle.lastFailure(), cycle.autoRenewStopped(), pending, paused);
			}
			return new LineState(msisdn, (operator != null) ? OperatorId.of(operator) : null, owner, plan, price,
					holder, leadDays, autoRenew, method, registeredAt, profileAt, cancelledAt, cycle, paidCycles, seen,
					planned, history);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("truncated line state", ex);
		}
	}

	private static void cycle(DataOutputStream out, Cycle cycle) throws IOException {
		if (!flag(out, cycle)) {
			return;
		}
		out.writeLong(cycle.validUntil().toEpochDay());
		out.writeShort(cycle.done().size());
		for (Milestone milestone : cycle.done()) {
			out.writeUTF(milestone.code());
		}
		string(out, cycle.paymentIntentId());
		money(out, cycle.paidAmount());
		out.writeInt(cycle.failures());
		if (flag(out, cycle.lastFailure())) {
			string(out, cycle.lastFailure().reason());
			string(out, cycle.lastFailure().declineCode());
			out.writeInt(cycle.lastFailure().attempt());
		}
		out.writeBoolean(cycle.autoRenewStopped());
	}

	private static Cycle cycle(DataInputStream in) throws IOException {
		if (!in.readBoolean()) {
			return null;
		}
		LocalDate validUntil = LocalDate.ofEpochDay(in.readLong());
		int size = in.readShort();
		List<Milestone> done = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			done.add(Milestone.ofCode(in.readUTF()));
		}
		String intent = string(in);
		Money paid = money(in);
		int failures = in.readInt();
		PaymentFailure failure = in.readBoolean() ? new PaymentFailure(string(in), string(in), in.readInt()) : null;
		return new Cycle(validUntil, done, intent, paid, failures, failure, in.readBoolean(), null, null);
	}

	private static void holder(DataOutputStream out, Holder holder) throws IOException {
		if (!flag(out, holder)) {
			return;
		}
		string(out, holder.name());
		string(out, holder.email());
		string(out, (holder.sms() != null) ? holder.sms().value() : null);
		string(out, (holder.webhookUrl() != null) ? holder.webhookUrl().toString() : null);
		out.writeUTF(holder.locale().name());
		out.writeUTF(holder.timeZone().getId());
	}

	private static Holder holder(DataInputStream in) throws IOException {
		if (!in.readBoolean()) {
			return null;
		}
		String name = string(in);
		String email = string(in);
		String sms = string(in);
		String webhook = string(in);
		return new Holder(name, email, (sms != null) ? Msisdn.trusted(sms) : null,
				(webhook != null) ? URI.create(webhook) : null, HolderLocale.valueOf(in.readUTF()),
				ZoneId.of(in.readUTF()));
	}

	private static void paymentMethod(DataOutputStream out, PaymentMethodRef method) throws IOException {
		if (!flag(out, method)) {
			return;
		}
		out.writeUTF(method.customerId());
		out.writeUTF(method.paymentMethodId());
		string(out, method.brand());
		string(out, method.last4());
		out.writeInt(method.expMonth());
		out.writeInt(method.expYear());
	}

	private static PaymentMethodRef paymentMethod(DataInputStream in) throws IOException {
		if (!in.readBoolean()) {
			return null;
		}
		return new PaymentMethodRef(in.readUTF(), in.readUTF(), string(in), string(in), in.readInt(), in.readInt());
	}

	private static void money(DataOutputStream out, Money money) throws IOException {
		if (flag(out, money)) {
			out.writeLong(money.amountCents());
			out.writeUTF(money.currency().getCurrencyCode());
		}
	}

	private static Money money(DataInputStream in) throws IOException {
		return in.readBoolean() ? new Money(in.readLong(), Currency.getInstance(in.readUTF())) : null;
	}

	private static void instant(DataOutputStream out, Instant instant) throws IOException {
		if (flag(out, instant)) {
			out.writeLong(instant.getEpochSecond());
			out.writeInt(instant.getNano());
		}
	}

	private static Instant instant(DataInputStream in) throws IOException {
		return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
	}

	private static void string(DataOutputStream out, String value) throws IOException {
		if (flag(out, value)) {
			out.writeUTF(value);
		}
	}

	private static String string(DataInputStream in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

	private static boolean flag(DataOutputStream out, Object value) throws IOException {
		out.writeBoolean(value != null);
		return value != null;
	}

}
