package io.keepline.ingest.validation;

import java.time.Instant;
import java.util.stream.Stream;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.OperatorId;
import io.keepline.ingest.KnownOwners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The validator refuses an operator's items for another operator's lines, on the msisdn,
 * as design §4 and {@code LineOwnership} say.
 */
class OwnershipValidationTest {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	static final String LINE = "+32470123456";

	static final OperatorId ORANGE = OperatorId.of("orange");

	static final OperatorId PROXIMUS = OperatorId.of("proximus");

	static final FieldError REFUSED = new FieldError("msisdn", Reasons.LINE_OF_ANOTHER_OPERATOR);

	final KnownOwners owners = new KnownOwners();

	final LineEventValidator validator = new LineEventValidator(this.owners);

	static Stream<ObjectNode> everyType() {
		return Stream.of(Samples.lineRegistered(), Samples.validityExtended(), Samples.holderUpdated(),
				Samples.lineCancelled(), Samples.lineErased());
	}

	@ParameterizedTest
	@MethodSource("everyType")
	void refusesEveryEventForALineOfAnotherOperator(ObjectNode item) {
		this.owners.owned(LINE, "orange");

		Validation verdict = this.validator.validate(as(item, PROXIMUS), PROXIMUS, NOW);

		assertThat(verdict.isAccepted()).isFalse();
		assertThat(verdict.errors()).containsExactly(REFUSED);
	}

	@ParameterizedTest
	@MethodSource("everyType")
	void acceptsEveryEventOfTheOwnerAndOnALineNobodyOwns(ObjectNode item) {
		this.owners.owned(LINE, "orange");
		assertThat(this.validator.validate(item, ORANGE, NOW).errors()).isEmpty();

		this.owners.reset();
		assertThat(this.validator.validate(as(item, PROXIMUS), PROXIMUS, NOW).errors()).isEmpty();
	}

	@Test
	void letsAnotherOperatorRegisterACancelledLineButNotChangeIt() {
		this.owners.released(LINE, "orange");

		assertThat(this.validator.validate(as(Samples.lineRegistered(), PROXIMUS), PROXIMUS, NOW).errors()).isEmpty();
		assertThat(this.validator.validate(as(Samples.validityExtended(), PROXIMUS), PROXIMUS, NOW).errors())
			.containsExactly(REFUSED);
		assertThat(this.validator.validate(as(Samples.lineErased(), PROXIMUS), PROXIMUS, NOW).errors())
			.containsExactly(REFUSED);
	}

	@Test
	void listsTheRefusalBesideEveryOtherProblem() {
		this.owners.owned(LINE, "orange");
		ObjectNode item = as(Samples.validityExtended(), PROXIMUS).put("validUntil", "2099-01-01");

		Validation verdict = this.validator.validate(item, PROXIMUS, NOW);

		assertThat(verdict.errors()).containsExactlyInAnyOrder(REFUSED,
				new FieldError("validUntil", Reasons.TOO_FAR_AHEAD));
	}

	@Test
	void judgesTheAuthenticatedOperatorNotTheClaimedOne() {
		this.owners.owned(LINE, "orange");

		Validation verdict = this.validator.validate(Samples.lineCancelled(), PROXIMUS, NOW);

		assertThat(verdict.errors()).containsExactlyInAnyOrder(REFUSED,
				new FieldError("operator", Reasons.OPERATOR_MISMATCH));
	}

	@Test
	void looksNothingUpForAnUnusableNumber() {
		this.owners.available(false);

		Validation verdict = this.validator.validate(Samples.lineErased().put("msisdn", "+3212345678"), ORANGE, NOW);

		assertThat(verdict.errors()).extracting(FieldError::reason).containsExactly(Reasons.NOT_MOBILE);
	}

	@Test
	void saysSoWhenOwnersCannotBeToldYet() {
		this.owners.available(false);

		assertThatExceptionOfType(OwnersUnavailableException.class)
			.isThrownBy(() -> this.validator.validate(Samples.lineErased(), ORANGE, NOW));
	}

	static ObjectNode as(ObjectNode item, OperatorId operator) {
		return item.put("operator", operator.value());
	}

}
