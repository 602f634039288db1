package io.keepline.contracts.linekey;

import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * One key of one line: the key of {@code keepline.line-keys.v1}, written
 * {@code <msisdn>/<id>}. A line has one key for each sealed event, so that writers never
 * share or race for a key; erasure removes every key of the line.
 */
public record LineKeyId(Msisdn msisdn, String id) {

	private static final char SEPARATOR = '/';

	public LineKeyId {
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(id, "keyId");
		if (id.isEmpty() || id.indexOf(SEPARATOR) >= 0) {
			throw new InvalidValueException("keyId", "invalid_key_id", "a key id is not empty and has no '/'");
		}
	}

	/** A new, random key id for {@code msisdn}. */
	public static LineKeyId random(Msisdn msisdn) {
		return new LineKeyId(msisdn, UUID.randomUUID().toString());
	}

	/** Parses {@code <msisdn>/<id>}. */
	public static LineKeyId of(String value) {
		int separator = value.indexOf(SEPARATOR);
		if (separator <= 0) {
			throw new InvalidValueException("keyId", "invalid_key_id", "a line key id is <msisdn>/<id>");
		}
		return new LineKeyId(Msisdn.of(value.substring(0, separator)), value.substring(separator + 1));
	}

	/** What every key id of {@code msisdn} starts with, for a prefix scan. */
	public static String prefix(Msisdn msisdn) {
		return msisdn.value() + SEPARATOR;
	}

	/** The topic key: {@code <msisdn>/<id>}. */
	public String value() {
		return prefix(this.msisdn) + this.id;
	}

	@Override
	public String toString() {
		return this.msisdn.masked() + SEPARATOR + this.id;
	}

}
