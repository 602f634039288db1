package io.keepline.contracts.linekey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.keepline.contracts.Msisdn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LineCipherTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Msisdn OTHER_LINE = Msisdn.of("+32470654321");

	private static final byte[] CONTACT = "{\"email\":\"ana@example.org\"}".getBytes(StandardCharsets.UTF_8);

	private final LineCipher cipher = LineCipher.generate();

	@Test
	void opensWhatItSealedForTheSameLineAndField() {
		byte[] sealed = this.cipher.seal(CONTACT, LINE, SealedContact.FIELD);

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("ana@example.org");
		assertThat(this.cipher.open(sealed, LINE, SealedContact.FIELD)).isEqualTo(CONTACT);
	}

	@Test
	void refusesACiphertextMovedToAnotherLine() {
		byte[] sealed = this.cipher.seal(CONTACT, LINE, SealedContact.FIELD);

		assertThatExceptionOfType(SealBrokenException.class)
			.isThrownBy(() -> this.cipher.open(sealed, OTHER_LINE, SealedContact.FIELD));
	}

	@Test
	void refusesACiphertextMovedToAnotherField() {
		byte[] sealed = this.cipher.seal(CONTACT, LINE, SealedContact.FIELD);

		assertThatExceptionOfType(SealBrokenException.class).isThrownBy(() -> this.cipher.open(sealed, LINE, "card"));
	}

	@Test
	void refusesATamperedCiphertext() {
		byte[] sealed = this.cipher.seal(CONTACT, LINE, SealedContact.FIELD);
		sealed[sealed.length - 20] ^= 1;

		assertThatExceptionOfType(SealBrokenException.class)
			.isThrownBy(() -> this.cipher.open(sealed, LINE, SealedContact.FIELD));
	}

	@Test
	void refusesAnotherLinesKey() {
		byte[] sealed = this.cipher.seal(CONTACT, LINE, SealedContact.FIELD);

		assertThatExceptionOfType(SealBrokenException.class)
			.isThrownBy(() -> LineCipher.generate().open(sealed, LINE, SealedContact.FIELD));
	}

	@Test
	void aWrappedKeyOpensOnlyUnderItsIdAndDataKey() {
		DataKey dataKey = DataKey.of(randomDataKey());
		LineKeyId id = LineKeyId.random(LINE);
		LineKey wrapped = dataKey.wrap(id, this.cipher, Instant.parse("2026-12-07T10:00:00Z"));
		byte[] sealed = this.cipher.seal(CONTACT, LINE, SealedContact.FIELD);

		assertThat(dataKey.unwrap(id, wrapped).open(sealed, LINE, SealedContact.FIELD)).isEqualTo(CONTACT);
		assertThatExceptionOfType(SealBrokenException.class)
			.isThrownBy(() -> dataKey.unwrap(LineKeyId.random(LINE), wrapped));
		assertThatExceptionOfType(SealBrokenException.class)
			.isThrownBy(() -> DataKey.of(randomDataKey()).unwrap(id, wrapped));
	}

	@Test
	void aDataKeyIsThirtyTwoBytesOfBase64() {
		assertThatIllegalArgumentException().isThrownBy(() -> DataKey.of("c2hvcnQ=")).withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> DataKey.of("not base64!"))
			.withMessageContaining("base64");
	}

	static String randomDataKey() {
		byte[] bytes = new byte[DataKey.BYTES];
		new java.security.SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
